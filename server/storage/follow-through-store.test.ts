import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecheckOutcome } from '#shared/schemas/rechecks';
import { changeMaterialStatus } from '../features/materials/material-status';
import { followThroughStats } from '../features/stats/follow-through-service';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

describe.each(STORAGE_ENGINES)('follow-through statistics on $engine', ({ open }) => {
  const analyst = testUser();
  const reviewer = testUser({ role: 'reviewer' });
  const t = freshStorageEach(open, analyst, reviewer);

  async function material(): Promise<string> {
    const report = sampleReport();
    await pushMutations(t.storage, analyst.id!, [upsertOf(report)], NOW);
    return (await t.storage.evidence.materialsOfReports([report.id]))[0]!;
  }

  async function block(materialId: string, at: Date) {
    for (const to of ['under_review', 'confirmed', 'sent_for_blocking', 'blocked'] as const) {
      await changeMaterialStatus(t.storage, {
        materialId,
        to,
        byUserId: reviewer.id!,
        at,
        legalGround: undefined,
      });
    }
  }

  const recheck = (materialId: string, at: Date, outcome: RecheckOutcome) =>
    t.storage.rechecks.record(
      {
        id: randomUUID(),
        materialId,
        at,
        outcome,
        httpStatus: outcome === 'removed' ? 404 : 200,
        finalUrl: null,
        contentSha256: null,
        contentChanged: null,
        detail: null,
        trigger: 'scheduled',
        byUserId: null,
        suggestion: null,
      },
      undefined,
      undefined,
    );

  it('times each material to its first block or removal, and counts re-checks by day', async () => {
    const [blocked, removed, blockedLater, open] = [
      await material(),
      await material(),
      await material(),
      await material(),
    ] as [string, string, string, string];
    await block(blocked, hours(10));
    await recheck(removed, hours(20), 'removed');
    await recheck(removed, hours(44), 'removed');
    await recheck(blockedLater, hours(1), 'live');
    await block(blockedLater, hours(60));
    await recheck(open, hours(2), 'live');
    await recheck(open, hours(3), 'unreachable');

    const outcomes = await t.storage.followThrough.materialOutcomes();
    expect(outcomes.find((m) => m.materialId === removed)).toEqual({
      materialId: removed,
      firstReportedAt: NOW.toISOString(),
      blockedAt: null,
      removedAt: hours(20).toISOString(),
    });
    expect(outcomes.map((m) => m.materialId).sort()).toEqual(
      [blocked, removed, blockedLater].sort(),
    );

    const all = await followThroughStats(t.storage, {}, hours(100));
    expect(all.timeToOutcome).toEqual({
      materials: 3,
      blocked: 2,
      removed: 1,
      medianHours: 20,
      p75Hours: 40,
      p90Hours: 52,
      maxHours: 60,
    });
    expect(all.rechecks).toEqual([
      { day: '2026-11-24', outcome: 'live', count: 2 },
      { day: '2026-11-24', outcome: 'unreachable', count: 1 },
      { day: '2026-11-25', outcome: 'removed', count: 1 },
      { day: '2026-11-26', outcome: 'removed', count: 1 },
    ]);
    // A period counts the outcomes that fell in it.
    const day = await followThroughStats(t.storage, { from: '2026-11-25', to: '2026-11-25' }, NOW);
    expect(day.timeToOutcome).toMatchObject({ materials: 1, removed: 1, medianHours: 20 });
    expect(day.rechecks).toEqual([{ day: '2026-11-25', outcome: 'removed', count: 1 }]);
  });
});
