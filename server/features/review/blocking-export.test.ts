import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import type { createTestApp } from '../../testing/test-app';
import { addUser, type TestUser } from '../../testing/users';
import { decide, report, walk } from './testing';

// The routes run on either engine's stores (testing/pg-test-app.ts).
describe.each(TEST_APP_ENGINES)('on $engine', ({ create }) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  const TO_BLOCKING = ['under_review', 'confirmed', 'sent_for_blocking'] as const;
  const HEADER =
    'url_key,url,title,status,topics,legal_grounds,evidence_sha256,first_reported_at,decided_at';
  const DAY = 86_400_000;

  beforeEach(async () => {
    t = await create();
    analyst = await addUser(t);
    reviewer = await addUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  const exportOf = (path: string) => t.app.request(path, { headers: reviewer.auth });
  const jsonOf = async (query: string) =>
    // biome-ignore lint/suspicious/noExplicitAny: a test reads the answer loosely
    (await (await exportOf(`/api/materials/export/blocking.json?${query}`)).json()) as any;

  /** Sends the material for blocking citing a ground, then (with `block`) records it blocked. */
  async function sendForBlocking(materialId: string, block = false) {
    await walk(t, reviewer, materialId, ['under_review', 'confirmed']);
    const answer = await t.app.request(`/api/materials/${materialId}/decision`, {
      method: 'POST',
      headers: { ...reviewer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'sent_for_blocking',
        comment: 'Лицензии нет',
        expectedVersion: 3,
        legalGround: { code: 'communications_41_1_p1' },
      }),
    });
    expect(answer.status).toBe(200);
    if (block) expect((await decide(t, reviewer, materialId, 'blocked', 4)).status).toBe(200);
  }

  describe('GET /api/materials/export/blocking.csv', () => {
    it('lists the materials sent for blocking with title, topics in words, grounds and hashes', async () => {
      const sent = await report(t, analyst, {
        url: 'https://bet.example.kz/a,b?q="x"',
        topics: ['gambling', 'fraud'],
        evidence: { sha256: 'a'.repeat(64), mime: 'image/png', bytes: 100 },
      });
      t.advance(3_600_000);
      await walk(t, reviewer, sent.materialId, [...TO_BLOCKING]);
      const blocked = await report(t, analyst);
      await walk(t, reviewer, blocked.materialId, [...TO_BLOCKING, 'blocked']);
      await report(t, analyst);

      const response = await exportOf('/api/materials/export/blocking.csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="blocking-list-2026-11-24.csv"',
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const [header, line, end] = (await response.text()).split('\r\n');
      expect(header).toBe(HEADER);
      expect(line).toBe(
        [
          '"https://bet.example.kz/a,b?q=%22x%22"',
          '"https://bet.example.kz/a,b?q=""x"""',
          'Лучшее онлайн-казино',
          'Направлено на блокировку',
          '"Онлайн-казино, нелицензированные букмекеры и их реклама; Мошенничество"',
          '',
          'a'.repeat(64),
          '2026-11-24T10:00:00.000Z',
          '2026-11-24T11:00:00.000Z',
        ].join(','),
      );
      expect(end).toBe('');
    });

    it('answers just the header when nothing awaits blocking, and audits the export', async () => {
      const response = await exportOf('/api/materials/export/blocking.csv');
      expect(await response.text()).toBe(`${HEADER}\r\n`);
      const events = await t.storage.audit.list({ action: 'material.blocking_list_exported' }, 10);
      expect(events.map((e) => [e.actorUserId, e.details])).toEqual([
        [reviewer.id, { materials: 0, status: 'sent', from: null, to: null, format: 'csv' }],
      ]);
    });
  });

  describe('the blocking list by period, status and language', () => {
    beforeEach(async () => {
      const early = (await report(t, analyst, { topics: ['gambling'] })).materialId;
      await sendForBlocking(early);
      t.advance(2 * DAY); // 2026-11-26
      const late = (await report(t, analyst, { topics: ['fraud'] })).materialId;
      await sendForBlocking(late);
      const blocked = (await report(t, analyst, { topics: ['fraud'] })).materialId;
      await sendForBlocking(blocked, true);
    });

    const ids = async (query: string) => {
      const body = await jsonOf(query);
      return body.materials.map((m: { title: string; urlKey: string }) => m.urlKey);
    };
    it('filters by the day the material reached its status and by status', async () => {
      const all = (await jsonOf('status=both')).materials;
      expect(all).toHaveLength(3);
      const [earlyKey, lateKey, blockedKey] = all.map((m: { urlKey: string }) => m.urlKey);
      expect(await ids('status=sent')).toEqual([earlyKey, lateKey]);
      expect(await ids('status=blocked')).toEqual([blockedKey]);
      expect(await ids('status=sent&from=2026-11-24&to=2026-11-24')).toEqual([earlyKey]);
      expect(await ids('status=both&from=2026-11-25')).toEqual([lateKey, blockedKey]);
      expect(await ids('status=both&to=2026-11-25')).toEqual([earlyKey]);
      expect(await ids('status=sent&from=2026-11-27')).toEqual([]);
    });

    it('labels topics, statuses and legal grounds in the chosen language', async () => {
      const expected = {
        ru: ['Заблокировано', 'Мошенничество', 'Закон «О связи», ст. 41-1 п. 1'],
        kk: ['Бұғатталды', 'Алаяқтық', '«Байланыс туралы» Заң, 41-1-бап 1-тармақ'],
        en: ['Blocked', 'Fraud', 'Law "On Communications", art. 41-1 para. 1'],
      };
      for (const [lang, [status, topic, ground]] of Object.entries(expected)) {
        const [entry] = (await jsonOf(`status=blocked&lang=${lang}`)).materials;
        expect(entry.status).toEqual({ code: 'blocked', label: status });
        expect(entry.topics).toEqual([{ code: 'fraud', label: topic }]);
        expect(entry.legalGrounds).toHaveLength(1);
        expect(entry.legalGrounds[0].code).toBe('communications_41_1_p1');
        expect(entry.legalGrounds[0].label.startsWith(ground!)).toBe(true);
        const csv = await (
          await exportOf(`/api/materials/export/blocking.csv?status=blocked&lang=${lang}`)
        ).text();
        expect(csv).toContain(status!);
        expect(csv).toContain(topic!);
        expect(csv).not.toContain(',fraud,');
      }
    });

    it('answers the same list on the site as through the API, and refuses a bad period', async () => {
      const site = siteClient(t);
      site.useSession(reviewer.token);
      const query = 'status=both&from=2026-11-25&lang=kk';
      const fromSite = await site.get(`/review/blocking-list.csv?${query}`);
      const fromApi = await (await exportOf(`/api/materials/export/blocking.csv?${query}`)).text();
      expect(fromSite.status).toBe(200);
      expect(fromSite.html).toBe(fromApi);
      const bad = await exportOf(
        '/api/materials/export/blocking.csv?from=2026-11-26&to=2026-11-25',
      );
      expect(bad.status).toBe(400);
      expect((await exportOf('/api/materials/export/blocking.csv?status=all')).status).toBe(400);
    });
  });
});
