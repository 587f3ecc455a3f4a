import { describe, expect, it } from 'vitest';
import type { NewToken } from '../storage/sessions-store';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const LATER = '2026-12-24T10:00:00.000Z';

let tokenCount = 0;
function tokenOf(userId: string, overrides: Partial<NewToken> = {}): NewToken {
  tokenCount += 1;
  return {
    id: `token-${tokenCount}`,
    userId,
    tokenHash: `${tokenCount}`.padStart(64, '0'),
    deviceName: 'Chrome',
    createdAt: NOW.toISOString(),
    expiresAt: LATER,
    ...overrides,
  };
}

describe.each(STORAGE_ENGINES)('sign-in sessions on $engine', ({ open }) => {
  const owner = testUser();
  const t = freshStorageEach(open, owner);

  const issued = (token: NewToken) =>
    t.storage.sessions.issue(token, {
      action: 'auth.token_issued',
      at: NOW,
      actorUserId: owner.id,
    });

  it('finds the account of a live token only, until it expires or is revoked', async () => {
    const live = tokenOf(owner.id!);
    const other = tokenOf(owner.id!);
    await issued(live);
    await issued(other);
    const found = await t.storage.sessions.userForToken(live.tokenHash, NOW.toISOString());
    expect(found).toEqual({ tokenId: live.id, user: expect.objectContaining({ id: owner.id }) });
    expect(await t.storage.sessions.userForToken(live.tokenHash, LATER)).toBeUndefined();
    expect(
      await t.storage.sessions.userForToken('f'.repeat(64), NOW.toISOString()),
    ).toBeUndefined();
    await t.storage.sessions.revoke(live.tokenHash, NOW.toISOString(), {
      action: 'auth.logout',
      at: NOW,
      actorUserId: owner.id,
    });
    expect(
      await t.storage.sessions.userForToken(live.tokenHash, NOW.toISOString()),
    ).toBeUndefined();
    expect(await t.storage.sessions.userForToken(other.tokenHash, NOW.toISOString())).toBeDefined();
    const events = await t.storage.audit.list({ actorUserId: owner.id }, 10);
    expect(events.map((e) => e.action)).toEqual([
      'auth.logout',
      'auth.token_issued',
      'auth.token_issued',
    ]);
  });

  it('stores one token of a hash issued twice at once, and not the other’s audit event', async () => {
    const second = await t.openReplica();
    const token = tokenOf(owner.id!);
    const outcomes = await Promise.allSettled([
      issued(token),
      second.sessions.issue(
        { ...token, id: 'another-id' },
        { action: 'auth.token_issued', at: NOW },
      ),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await t.storage.audit.list({ action: 'auth.token_issued' }, 10)).toHaveLength(1);
  });

  it('tells whether the account signed in from an address since a time', async () => {
    const signIn = (at: Date, ip: string) =>
      t.storage.audit.record({ action: 'auth.login_succeeded', at, actorUserId: owner.id, ip });
    await signIn(NOW, '203.0.113.1');
    await t.storage.audit.record({
      action: 'auth.login_failed',
      at: NOW,
      actorUserId: owner.id,
      ip: '203.0.113.2',
    });
    const { sessions } = t.storage;
    expect(await sessions.signedInFrom(owner.id!, '203.0.113.1', NOW.toISOString())).toBe(true);
    expect(await sessions.signedInFrom(owner.id!, '203.0.113.1', LATER)).toBe(false);
    expect(await sessions.signedInFrom(owner.id!, '203.0.113.2', NOW.toISOString())).toBe(false);
  });
});
