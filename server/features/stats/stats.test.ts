import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import { deleteOf, pushAs } from '../../testing/reports';
import type { createTestApp } from '../../testing/test-app';
import { addUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from '../review/testing';

// The routes run on either engine's stores (testing/pg-test-app.ts).
describe.each(TEST_APP_ENGINES)('on $engine', ({ create }) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  const DAY = 86_400_000;

  beforeEach(async () => {
    t = await create();
    analyst = await addUser(t);
    reviewer = await addUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  const stats = (query: string) => getJson(t, reviewer, `/api/stats?${query}`);

  /** Three days of reports: 24 Nov (2), 25 Nov (none), 26 Nov (1 + 1 deleted). */
  async function threeDays() {
    const a = await report(t, analyst, {
      topics: ['gambling', 'fraud'],
      languages: ['ru', 'kk'],
      resourceType: 'website',
      geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
    });
    const b = await report(t, analyst, {
      topics: ['gambling'],
      languages: ['ru'],
      resourceType: 'social_post',
      geography: { indicated: false },
    });
    t.advance(2 * DAY);
    const c = await report(t, analyst, {
      topics: ['drugs'],
      languages: ['kk'],
      resourceType: 'website',
      geography: { indicated: true, country: 'RU' },
    });
    const gone = await report(t, analyst, { topics: ['csam'] });
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    return { a, b, c };
  }

  describe('GET /api/stats', () => {
    it('counts live reports by topic, a report under each of its topics, largest first', async () => {
      await threeDays();
      const { status, body } = await stats('by=topic');
      expect(status).toBe(200);
      expect(body).toEqual({
        buckets: [
          { key: 'gambling', count: 2 },
          { key: 'drugs', count: 1 },
          { key: 'fraud', count: 1 },
        ],
        total: 3,
      });
    });

    it('counts by language, resource type and region (none when no region of Kazakhstan)', async () => {
      await threeDays();
      expect((await stats('by=language')).body.buckets).toEqual([
        { key: 'kk', count: 2 },
        { key: 'ru', count: 2 },
      ]);
      expect((await stats('by=resourceType')).body.buckets).toEqual([
        { key: 'website', count: 2 },
        { key: 'social_post', count: 1 },
      ]);
      expect((await stats('by=region')).body.buckets).toEqual([
        { key: 'none', count: 2 },
        { key: 'KZ-75', count: 1 },
      ]);
    });

    it('keeps to whole days of the period, both ends included, either end open', async () => {
      await threeDays();
      expect((await stats('by=topic&from=2026-11-26')).body).toEqual({
        buckets: [{ key: 'drugs', count: 1 }],
        total: 1,
      });
      expect((await stats('by=topic&to=2026-11-24')).body.total).toBe(2);
      expect((await stats('by=topic&from=2026-11-24&to=2026-11-24')).body.total).toBe(2);
      expect((await stats('by=topic&from=2026-11-25&to=2026-11-25')).body).toEqual({
        buckets: [],
        total: 0,
      });
    });

    it('counts by UTC day, with the days between that had no reports', async () => {
      await threeDays();
      expect((await stats('by=day')).body).toEqual({
        buckets: [
          { key: '2026-11-24', count: 2 },
          { key: '2026-11-25', count: 0 },
          { key: '2026-11-26', count: 1 },
        ],
        total: 3,
      });
    });

    it('puts a report on its UTC day, whatever the hour in Kazakhstan', async () => {
      t.advance(13.5 * 3_600_000); // 23:30 UTC on 24 Nov, already 25 Nov in Astana
      await report(t, analyst);
      expect((await stats('by=day')).body.buckets).toEqual([{ key: '2026-11-24', count: 1 }]);
    });

    it('counts materials by their status now, on the day they were first reported', async () => {
      const { a, c } = await threeDays();
      await walk(t, reviewer, a.materialId, ['under_review', 'confirmed']);
      await walk(t, reviewer, c.materialId, ['under_review']);
      expect((await stats('by=status')).body).toEqual({
        buckets: [
          { key: 'confirmed', count: 1 },
          { key: 'submitted', count: 1 },
          { key: 'under_review', count: 1 },
        ],
        total: 3,
      });
      expect((await stats('by=status&to=2026-11-24')).body.buckets).toEqual([
        { key: 'confirmed', count: 1 },
        { key: 'submitted', count: 1 },
      ]);
    });

    it('answers empty buckets when there is nothing to count', async () => {
      for (const by of ['topic', 'status', 'day']) {
        expect((await stats(`by=${by}`)).body).toEqual({ buckets: [], total: 0 });
      }
    });

    it.each([
      ['no dimension', ''],
      ['an unknown dimension', 'by=user'],
      ['an impossible date', 'by=day&from=2026-02-30'],
      ['a date with a time', 'by=day&from=2026-01-01T00:00:00Z'],
      ['a date that is no date', 'by=day&to=yesterday'],
      ['a short date', 'by=day&from=2026-1-1'],
      ['a period that ends before it starts', 'by=day&from=2026-02-01&to=2026-01-31'],
    ])('refuses %s with validation_failed', async (_name, query) => {
      const { status, body } = await stats(query);
      expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    });
  });
});
