import { describe, expect, it } from 'vitest';
import { claimOutcome, heldByAnother } from './claim-rules';
import type { ClaimChange, ClaimRecord } from './review-store';

const held: ClaimRecord = {
  materialId: 'm1',
  userId: 'anna',
  name: 'Anna',
  since: '2026-12-01T09:00:00.000Z',
  assignedBy: null,
  version: 3,
};

const change = (fields: Partial<ClaimChange>): ClaimChange => ({
  materialId: 'm1',
  userId: 'boris',
  byUserId: 'boris',
  at: new Date('2026-12-02T10:00:00.000Z'),
  ip: '127.0.0.1',
  ...fields,
});

describe('heldByAnother', () => {
  it('is true only when a claim has a holder other than the person', () => {
    expect(heldByAnother(held, 'boris')).toBe(true);
    expect(heldByAnother(held, undefined)).toBe(true);
    expect(heldByAnother(held, 'anna')).toBe(false);
    expect(heldByAnother(null, 'anna')).toBe(false);
    expect(heldByAnother(undefined, 'anna')).toBe(false);
  });
});

describe('claimOutcome', () => {
  it('lets anyone claim or be assigned a free material, and the holder do anything', () => {
    expect(claimOutcome(change({}), undefined, 0)).toBeUndefined();
    expect(claimOutcome(change({ userId: 'carl' }), undefined, 0)).toBeUndefined();
    expect(claimOutcome(change({ byUserId: 'anna', userId: null }), held, 3)).toBeUndefined();
  });

  it('refuses another reviewer’s claim, assignment or release of a held material', () => {
    for (const userId of ['boris', 'carl', null]) {
      expect(claimOutcome(change({ userId }), held, 3)).toEqual({ kind: 'taken', claim: held });
    }
  });

  it('lets an admin release or reassign it only as the admin last saw it', () => {
    const admin = { byUserId: 'root', byAdmin: true };
    expect(claimOutcome(change({ ...admin, userId: null, expectedVersion: 3 }), held, 3)).toBe(
      undefined,
    );
    expect(claimOutcome(change({ ...admin, userId: 'carl', expectedVersion: 2 }), held, 3)).toEqual(
      { kind: 'moved', claim: held, version: 3 },
    );
    // An admin taking a held material for themselves is a claim like any other.
    expect(claimOutcome(change({ ...admin, userId: 'root', expectedVersion: 3 }), held, 3)).toEqual(
      { kind: 'taken', claim: held },
    );
  });
});
