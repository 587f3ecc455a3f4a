import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';
import type { Storage } from '.';
import type { NewRecheck } from './rechecks-store';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe.each(STORAGE_ENGINES)('re-checks and their schedule on $engine', ({ open }) => {
  const analyst = testUser();
  const t = freshStorageEach(open, analyst);

  /** Pushes reports of `count` new URLs; answers their materials' ids. */
  async function materials(count: number): Promise<string[]> {
    const reports = Array.from({ length: count }, () => sampleReport());
    await pushMutations(t.storage, analyst.id!, reports.map(upsertOf), NOW);
    const ids: string[] = [];
    for (const report of reports) {
      ids.push(...(await t.storage.evidence.materialsOfReports([report.id])));
    }
    return ids;
  }

  const check = (materialId: string, at: Date, over: Partial<NewRecheck> = {}): NewRecheck => ({
    id: randomUUID(),
    materialId,
    at,
    outcome: 'live',
    httpStatus: 200,
    finalUrl: null,
    contentSha256: null,
    contentChanged: null,
    detail: null,
    trigger: 'scheduled',
    byUserId: null,
    suggestion: null,
    ...over,
  });

  const claim = (storage: Storage, owner: string, now = NOW, limit = 2) =>
    storage.rechecks.claimDue({
      now,
      leaseUntil: new Date(now.getTime() + 10 * 60_000),
      owner,
      statuses: ['submitted'],
      limit,
    });

  it('gives each due material to one scheduler, however many race for it', async () => {
    const replica = await t.openReplica();
    const ids = await materials(7);
    // Each of four schedulers, two per process, claims until it finds nothing left.
    const taken: string[] = [];
    const scheduler = async (storage: Storage, owner: string) => {
      for (;;) {
        const batch = await claim(storage, owner);
        if (batch.length === 0) return;
        taken.push(...batch.map((target) => target.id));
      }
    };
    await Promise.all([
      scheduler(t.storage, 'first'),
      scheduler(replica, 'replica'),
      scheduler(t.storage, 'first'),
      scheduler(replica, 'replica'),
    ]);
    expect(taken.sort()).toEqual([...ids].sort());
    expect(await claim(t.storage, 'first', later(9), 10)).toEqual([]);

    // Scheduled again after a check: the row is due at its new time, whoever claims it first.
    const [done, given, ...held] = ids as [string, string, ...string[]];
    await t.storage.rechecks.record(check(done, later(1)), later(60), undefined);
    await replica.rechecks.releaseLease(given, 'someone else');
    expect(await claim(replica, 'replica', later(5), 10)).toEqual([]);
    await t.storage.rechecks.releaseLease(given, 'first');
    await replica.rechecks.releaseLease(given, 'replica');
    expect((await claim(replica, 'replica', later(5), 10)).map((m) => m.id)).toEqual([given]);
    // Leases ran out at 10 minutes; the checked one is due at 60.
    const expired = await Promise.all([
      claim(t.storage, 'first', later(11), 10),
      claim(replica, 'replica', later(11), 10),
    ]);
    expect(
      expired
        .flat()
        .map((m) => m.id)
        .sort(),
    ).toEqual([...held].sort());
    const due = await claim(t.storage, 'first', later(60), 10);
    expect(due.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(due[0]).toMatchObject({ status: 'submitted', url: expect.stringContaining('casino-') });
  });

  it('claims materials in the followed statuses only', async () => {
    const [id] = await materials(1);
    const other = await t.storage.rechecks.claimDue({
      now: NOW,
      leaseUntil: later(10),
      owner: 'first',
      statuses: ['blocked'],
      limit: 5,
    });
    expect(other).toEqual([]);
    expect(await t.storage.rechecks.claimDue({ ...claimOf(), statuses: [] })).toEqual([]);
    expect((await claim(t.storage, 'first')).map((m) => m.id)).toEqual([id]);
    expect(await t.storage.rechecks.target(id!)).toMatchObject({ id, status: 'submitted' });
    expect(await t.storage.rechecks.target('no such material')).toBeUndefined();
  });

  const claimOf = () => ({ now: NOW, leaseUntil: later(10), owner: 'first', limit: 5 });

  it('keeps checks newest first with their audit events, and the last live content', async () => {
    const [id] = (await materials(1)) as [string];
    await t.storage.rechecks.record(
      check(id, later(1), { contentSha256: 'a'.repeat(64) }),
      later(60),
      undefined,
    );
    await t.storage.rechecks.record(
      check(id, later(2), { outcome: 'removed', httpStatus: 404, contentSha256: 'b'.repeat(64) }),
      undefined,
      (row) => ({ action: 'material.rechecked', at: later(2), subjectId: row.materialId }),
    );
    const checks = await t.storage.rechecks.list(id);
    expect(checks.map((c) => c.outcome)).toEqual(['removed', 'live']);
    expect(checks[1]).toMatchObject({ at: later(1).toISOString(), httpStatus: 200 });
    expect(await t.storage.rechecks.lastLiveSha256(id)).toBe('a'.repeat(64));
    const audit = await t.storage.audit.list({ action: 'material.rechecked' }, 10);
    expect(audit.map((event) => event.subjectId)).toEqual([id]);
  });
});
