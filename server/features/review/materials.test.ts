import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import { deleteOf, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import type { createTestApp } from '../../testing/test-app';
import { addUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from './testing';

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

  const list = (query = '') => getJson(t, reviewer, `/api/materials${query}`);
  const idsOf = (body: { materials: { id: string }[] }) => body.materials.map((m) => m.id);

  describe('GET /api/materials', () => {
    it('groups reports of one URL, in any form, into one material with what they say combined', async () => {
      const first = await report(t, analyst, {
        url: 'https://www.casino-royal.example.kz/promo/?utm_source=tg',
        topics: ['gambling'],
        languages: ['ru'],
        geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
        evidence: { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 100 },
      });
      t.advance(DAY);
      const other = await addUser(t);
      await report(t, other, {
        url: 'http://casino-royal.example.kz/promo',
        topics: ['fraud', 'gambling'],
        languages: ['kk'],
        geography: { indicated: true, country: 'KZ', region: 'KZ-71' },
        resourceType: 'webpage',
      });

      const { status, body } = await list();
      expect(status).toBe(200);
      expect(body.materials).toHaveLength(1);
      expect(body.materials[0]).toMatchObject({
        id: first.materialId,
        urlKey: 'https://casino-royal.example.kz/promo',
        status: 'submitted',
        version: 1,
        reportCount: 2,
        reporterCount: 2,
        topics: ['gambling', 'fraud'],
        languages: ['kk', 'ru'],
        regions: ['KZ-71', 'KZ-75'],
        resourceTypes: ['website', 'webpage'],
        evidence: [{ sha256: 'a'.repeat(64), mime: 'image/png', bytes: 100 }],
        firstReportedAt: '2026-11-24T10:00:00.000Z',
        lastReportedAt: '2026-11-25T10:00:00.000Z',
      });
    });

    it('leaves out materials whose every report was deleted', async () => {
      const gone = sampleReport();
      await pushAs(t, analyst, [upsertOf(gone), deleteOf(gone.id)]);
      const kept = await report(t, analyst);
      expect(idsOf((await list()).body)).toEqual([kept.materialId]);
    });

    it('filters by status, topic, language and region, alone and together', async () => {
      const gambling = await report(t, analyst, { topics: ['gambling'], languages: ['ru'] });
      const drugs = await report(t, analyst, {
        topics: ['drugs'],
        languages: ['kk'],
        geography: { indicated: true, country: 'KZ', region: 'KZ-63' },
      });
      const nowhere = await report(t, analyst, {
        topics: ['drugs', 'fraud'],
        languages: ['ru', 'en'],
        geography: { indicated: false },
      });
      await walk(t, reviewer, drugs.materialId, ['under_review']);

      expect(idsOf((await list('?status=under_review')).body)).toEqual([drugs.materialId]);
      expect(idsOf((await list('?topic=drugs')).body)).toEqual([
        nowhere.materialId,
        drugs.materialId,
      ]);
      expect(idsOf((await list('?language=ru')).body)).toEqual([
        nowhere.materialId,
        gambling.materialId,
      ]);
      expect(idsOf((await list('?region=KZ-63')).body)).toEqual([drugs.materialId]);
      expect(idsOf((await list('?topic=drugs&language=ru&status=submitted')).body)).toEqual([
        nowhere.materialId,
      ]);
      expect(idsOf((await list('?topic=csam')).body)).toEqual([]);
    });

    it('finds text in URLs and titles, and a URL in any of its forms', async () => {
      const casino = await report(t, analyst, {
        url: 'https://bet-kz.example.com/live?x=1',
        title: 'Ставки на спорт 100%_бонус',
      });
      const other = await report(t, analyst, { title: 'Продажа наркотиков' });
      const search = async (q: string) => idsOf((await list(`?q=${encodeURIComponent(q)}`)).body);

      expect(await search('bet-kz')).toEqual([casino.materialId]);
      expect(await search('BET-KZ')).toEqual([casino.materialId]);
      expect(await search('наркотиков')).toEqual([other.materialId]);
      // % and _ are text to look for, not wildcards.
      expect(await search('100%_')).toEqual([casino.materialId]);
      expect(await search('%')).toEqual([casino.materialId]);
      expect(await search('http://www.bet-kz.example.com/live/?x=1&utm_source=vk')).toEqual([
        casino.materialId,
      ]);
      expect(await search('https://bet-kz.example')).toEqual([casino.materialId]);
      expect(await search('nothing like this')).toEqual([]);
    });

    it('pages through every material exactly once with the cursor, newest or oldest first', async () => {
      const made: string[] = [];
      for (let i = 0; i < 7; i++) made.push((await report(t, analyst)).materialId);

      for (const order of ['newest', 'oldest'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 10; page++) {
          const query = `?order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const { body } = await list(query);
          seen.push(...idsOf(body));
          cursor = body.cursor;
          if (!body.hasMore) break;
        }
        expect(seen).toEqual(order === 'newest' ? [...made].reverse() : made);
      }
    });

    it('keeps filters true after reports are edited, moved to another URL or deleted', async () => {
      const a = await report(t, analyst, { topics: ['gambling'] });
      const moved = { ...a.report, id: crypto.randomUUID(), topics: ['drugs' as const] };
      await pushAs(t, analyst, [upsertOf(moved)]);
      expect(idsOf((await list('?topic=drugs')).body)).toEqual([a.materialId]);

      // The drugs report goes to another URL: its old material no longer speaks of drugs.
      const elsewhere = await report(t, analyst, { topics: ['fraud'] });
      await pushAs(t, analyst, [upsertOf({ ...moved, url: elsewhere.report.url })]);
      expect(idsOf((await list('?topic=drugs')).body)).toEqual([elsewhere.materialId]);
      expect((await list('?topic=gambling')).body.materials[0]).toMatchObject({
        id: a.materialId,
        reportCount: 1,
        topics: ['gambling'],
      });

      await pushAs(t, analyst, [deleteOf(a.report.id)]);
      expect(idsOf((await list('?topic=gambling')).body)).toEqual([]);
    });

    it('shows the status a decision gave, under the filter of that status', async () => {
      const { materialId } = await report(t, analyst);
      expect(idsOf((await list('?status=submitted')).body)).toEqual([materialId]);
      await walk(t, reviewer, materialId, ['under_review', 'confirmed']);
      expect(idsOf((await list('?status=submitted')).body)).toEqual([]);
      expect((await list('?status=confirmed')).body.materials[0]).toMatchObject({
        id: materialId,
        status: 'confirmed',
        version: 3,
      });
    });

    it('answers an empty page with no cursor on an empty queue', async () => {
      expect((await list()).body).toEqual({ materials: [], cursor: null, hasMore: false });
    });

    it.each([
      ['a garbled cursor', '?cursor=not-a-cursor'],
      ['an unknown status', '?status=approved'],
      ['an unknown topic', '?topic=weather'],
      ['an unknown region', '?region=KZ-99'],
      ['a limit too large', '?limit=1000'],
      ['a limit that is no number', '?limit=ten'],
      ['an empty search', '?q=%20'],
      ['a search too long', `?q=${'x'.repeat(201)}`],
      ['an unknown order', '?order=random'],
    ])('refuses %s with validation_failed', async (_name, query) => {
      const { status, body } = await list(query);
      expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    });
  });
});
