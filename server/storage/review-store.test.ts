import { describe, expect, it } from 'vitest';
import type { ReviewStatus } from '#shared/review-status';
import type { ReportInput } from '#shared/schemas/report';
import { type MaterialsQuery, materialsQuerySchema } from '#shared/schemas/review';
import { canonicalUrl } from '#shared/url-key';
import { changeMaterialStatus } from '../features/materials/material-status';
import { blockingList } from '../features/review/blocking-export';
import { listMaterials } from '../features/review/materials-list';
import { pullChanges } from '../features/sync/pull-service';
import { pushMutations } from '../features/sync/push-service';
import { deleteOf, sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');

describe.each(STORAGE_ENGINES)('the review side on $engine', ({ open }) => {
  const analyst = testUser();
  const reviewer = testUser({ role: 'reviewer' });
  const t = freshStorageEach(open, analyst, reviewer);

  const list = (query: Partial<Record<keyof MaterialsQuery, string>>) =>
    listMaterials(t.storage, materialsQuerySchema.parse(query));
  const search = async (q: string) => (await list({ q })).materials.map((m) => m.id);

  /** Pushes a report as the analyst; answers its material's id. */
  async function reported(overrides: Partial<ReportInput> = {}, at = NOW) {
    const input = sampleReport(overrides);
    const [result] = await pushMutations(t.storage, analyst.id!, [upsertOf(input)], at);
    expect(result?.status).toBe('applied');
    const page = await list({ q: canonicalUrl(input.url) });
    return { report: input, materialId: page.materials[0]!.id };
  }

  async function walk(materialId: string, path: ReviewStatus[]) {
    for (const to of path) {
      await changeMaterialStatus(t.storage, {
        materialId,
        to,
        byUserId: reviewer.id!,
        at: NOW,
        legalGround: undefined,
      });
    }
  }

  it('finds titles and URLs in any letter case, Kazakh letters their own, short texts too', async () => {
    const { materialId: terror } = await reported({
      title: 'Пропаганда ТЕРРОРизма',
      url: 'https://forum-ekstremizm.example.kz/threads/17',
    });
    const { materialId: betting } = await reported({ title: 'Заңсыз ҰТЫС ТІГУ Қазақстан' });
    await reported({ title: 'Online CASINO 100%_off', note: 'Продавец Кайрат' });
    expect(await search('терроризма')).toEqual([terror]);
    expect(await search('EKSTREMIZM.EXAMPLE')).toEqual([terror]);
    expect(await search('ұтыс тігу')).toEqual([betting]);
    expect(await search('Казахстан')).toEqual([]);
    expect(await search('Қ')).toEqual([betting]);
    expect(await search('%_')).toHaveLength(1);
    expect(await search('%x')).toEqual([]);
    expect(await search('Кайрат')).toEqual([]);
    expect(await search('https://forum-ekstremizm.example.kz/threads/17?utm_source=x')).toEqual([
      terror,
    ]);
  });

  it('filters the queue by status and topic and pages it in both orders', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const topics = i % 2 === 0 ? (['gambling'] as const) : (['drugs'] as const);
      made.push((await reported({ topics: [...topics] })).materialId);
    }
    await walk(made[0]!, ['under_review']);
    const gambling = await list({ topic: 'gambling', status: 'submitted', order: 'oldest' });
    expect(gambling.materials.map((m) => m.id)).toEqual([made[2], made[4]]);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.materials.map((m) => m.id));
      cursor = page.hasMore ? (page.cursor ?? undefined) : undefined;
    } while (cursor);
    expect(seen).toEqual([...made].reverse());
  });

  it('moves a material, renumbers its reports so reporters pull the status, refuses what moved', async () => {
    const { report, materialId } = await reported();
    const before = await pullChanges(t.storage, analyst.id!, 0, 10);
    await walk(materialId, ['under_review']);
    const after = await pullChanges(t.storage, analyst.id!, before.lastSeq, 10);
    expect(after.changes).toEqual([
      expect.objectContaining({ id: report.id, status: 'under_review' }),
    ]);
    const moved = await t.storage.review.changeStatus({
      materialId,
      to: 'confirmed',
      byUserId: reviewer.id!,
      expectedVersion: 1,
      at: NOW,
    });
    expect(moved).toEqual({ kind: 'moved', version: 2 });
    const notAllowed = await t.storage.review.changeStatus({
      materialId,
      to: 'blocked',
      byUserId: reviewer.id!,
      at: NOW,
    });
    expect(notAllowed).toEqual({ kind: 'not_allowed', from: 'under_review' });
    const file = await t.storage.review.materialFile(materialId);
    expect(file?.history.map((h) => [h.change.toStatus, h.byName])).toEqual([
      ['under_review', reviewer.fullName],
    ]);
  });

  it('lists materials sent for blocking with their live topics, and counts reports by day', async () => {
    const { materialId } = await reported({ topics: ['gambling', 'drugs'] });
    await reported({ topics: ['drugs'] }, new Date('2026-11-25T08:00:00.000Z'));
    await walk(materialId, ['under_review', 'confirmed', 'sent_for_blocking']);
    const list = await blockingList(t.storage, { status: 'sent', lang: 'en' });
    expect(list).toEqual([
      expect.objectContaining({
        topics: [
          expect.objectContaining({ code: 'drugs' }),
          expect.objectContaining({ code: 'gambling' }),
        ],
        status: expect.objectContaining({ code: 'sent_for_blocking' }),
        decidedAt: NOW.toISOString(),
      }),
    ]);
    await t.storage.review.refresh();
    const byDay = await t.storage.review.dailyCounts({ facet: 'total', byDay: true });
    expect(byDay).toEqual([
      { key: '2026-11-24', count: 1 },
      { key: '2026-11-25', count: 1 },
    ]);
    const byTopic = await t.storage.review.dailyCounts({ facet: 'topic', byDay: false });
    expect(byTopic).toEqual([
      { key: 'drugs', count: 2 },
      { key: 'gambling', count: 1 },
    ]);
    expect(await t.storage.review.totalReports({ from: '2026-11-25' })).toBe(1);
  });

  it('keeps materials whose every report was withdrawn apart, and counts them no more', async () => {
    const { report, materialId } = await reported();
    const kept = (await reported()).materialId;
    await pushMutations(t.storage, analyst.id!, [deleteOf(report.id)], NOW);
    expect((await list({})).materials.map((m) => m.id)).toEqual([kept]);
    expect((await list({ withdrawn: 'true' })).materials.map((m) => m.id)).toEqual([materialId]);
    expect(await t.storage.review.totalReports({})).toBe(1);
    const file = await t.storage.review.materialFile(materialId);
    expect(file?.reports).toEqual([]);
    expect(file?.withdrawn.map((w) => w.id)).toEqual([report.id]);
  });
});
