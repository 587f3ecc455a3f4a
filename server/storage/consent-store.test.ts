import { describe, expect, it } from 'vitest';
import { ensureInitialPolicy, policyRow } from '../features/consent/policy-store';
import type { NewConsent, PolicyRow } from '../storage/consent-store';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const TOMORROW = new Date('2026-11-25T10:00:00.000Z');
const TEXT = { ru: 'политика', kk: 'саясат', en: 'policy' };

describe.each(STORAGE_ENGINES)('policies and consent on $engine', ({ open }) => {
  const owner = testUser();
  const t = freshStorageEach(open, owner);

  /** Publishes a version unless it is taken; answers the row published, if any. */
  const publish = (version: string, at: Date) =>
    t.storage.consent.publish(version, ({ existing }) =>
      existing
        ? undefined
        : {
            row: policyRow(version, TEXT, at, null),
            audit: { action: 'policy.published', at, subjectType: 'policy', subjectId: version },
          },
    );

  const consentTo = (policyVersion: string, action: 'given' | 'withdrawn'): NewConsent => ({
    userId: owner.id!,
    action,
    policyVersion,
    processing: action === 'given',
    thirdPartyTransfer: false,
    at: NOW.toISOString(),
    method: 'test',
    ip: '203.0.113.1',
    userAgent: 'test',
  });

  it('publishes versions, the newest current, and never a version twice', async () => {
    expect(await t.storage.consent.currentPolicy()).toBeUndefined();
    const first = await publish('1', NOW);
    const second = await publish('2', TOMORROW);
    expect(await publish('1', TOMORROW)).toBeUndefined();
    expect(await t.storage.consent.currentPolicy()).toEqual(second);
    expect(await t.storage.consent.policyVersions()).toEqual([second, first]);
    expect(await t.storage.consent.policyByVersion('1')).toEqual(first);
    expect(await t.storage.consent.policyByVersion('3')).toBeUndefined();
    expect(await t.storage.audit.list({ action: 'policy.published' }, 10)).toHaveLength(2);
  });

  it('publishes the first policy once when replicas start together', async () => {
    const second = await t.openReplica();
    await Promise.all([ensureInitialPolicy(t.storage, NOW), ensureInitialPolicy(second, NOW)]);
    expect(await t.storage.consent.policyVersions()).toHaveLength(1);
  });

  it('appends consent records on the standing they were decided on, revoking tokens when asked', async () => {
    await publish('1', NOW);
    await t.storage.sessions.issue(
      {
        id: 'token-1',
        userId: owner.id!,
        tokenHash: 'a'.repeat(64),
        deviceName: null,
        createdAt: NOW.toISOString(),
        expiresAt: TOMORROW.toISOString(),
      },
      { action: 'auth.token_issued', at: NOW },
    );
    const seen: (PolicyRow | undefined)[] = [];
    const given = await t.storage.consent.record(owner.id!, ({ current, latest }) => {
      seen.push(current);
      expect(latest).toBeUndefined();
      return {
        consent: consentTo('1', 'given'),
        revokeTokens: false,
        audit: { action: 'consent.given', at: NOW },
      };
    });
    expect(given).toMatchObject({ id: expect.any(Number), action: 'given', processing: true });
    expect(seen.map((p) => p?.version)).toEqual(['1']);
    expect(await t.storage.consent.standing(owner.id!)).toEqual({
      current: expect.objectContaining({ version: '1' }),
      latest: given,
    });
    await t.storage.consent.record(owner.id!, ({ latest }) => {
      expect(latest).toEqual(given);
      return {
        consent: consentTo('1', 'withdrawn'),
        revokeTokens: true,
        audit: { action: 'consent.withdrawn', at: NOW },
      };
    });
    expect((await t.storage.consent.standing(owner.id!)).latest?.action).toBe('withdrawn');
    expect(
      await t.storage.sessions.userForToken('a'.repeat(64), NOW.toISOString()),
    ).toBeUndefined();
    const refused = t.storage.consent.record(owner.id!, () => {
      throw new Error('nothing to withdraw');
    });
    await expect(refused).rejects.toThrow('nothing to withdraw');
    expect(await t.storage.audit.list({ action: 'consent.withdrawn' }, 10)).toHaveLength(1);
  });

  it('decides each of two records made at once on the other', async () => {
    await publish('1', NOW);
    const second = await t.openReplica();
    // A withdrawal only of a given consent: of two at once, the second finds it withdrawn.
    const withdraw =
      () =>
      ({ latest }: { latest: { action: string } | undefined }) => {
        if (latest?.action === 'withdrawn') throw new Error('already withdrawn');
        return {
          consent: consentTo('1', 'withdrawn'),
          revokeTokens: false,
          audit: { action: 'consent.withdrawn', at: NOW },
        };
      };
    const outcomes = await Promise.allSettled([
      t.storage.consent.record(owner.id!, withdraw()),
      second.consent.record(owner.id!, withdraw()),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
