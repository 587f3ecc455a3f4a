import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import type { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { report, walk } from './testing';

// The routes run on either engine's stores (testing/pg-test-app.ts).
describe.each(TEST_APP_ENGINES)('on $engine', ({ create }) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  const TO_BLOCKING = ['under_review', 'confirmed', 'sent_for_blocking'] as const;

  beforeEach(async () => {
    t = await create();
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  const exportCsv = () =>
    t.app.request('/api/materials/export/blocking.csv', { headers: reviewer.auth });

  describe('GET /api/materials/export/blocking.csv', () => {
    it('lists the materials sent for blocking, with their topics and when it was decided', async () => {
      const sent = await report(t, analyst, {
        url: 'https://bet.example.kz/a,b?q="x"',
        topics: ['gambling', 'fraud'],
      });
      t.advance(3_600_000);
      await walk(t, reviewer, sent.materialId, [...TO_BLOCKING]);
      const blocked = await report(t, analyst);
      await walk(t, reviewer, blocked.materialId, [...TO_BLOCKING, 'blocked']);
      await report(t, analyst);

      const response = await exportCsv();
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        'attachment; filename="blocking-list-2026-11-24.csv"',
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(
        'url_key,url,topics,first_reported_at,decided_at\r\n' +
          '"https://bet.example.kz/a,b?q=%22x%22","https://bet.example.kz/a,b?q=""x""",' +
          'gambling;fraud,2026-11-24T10:00:00.000Z,2026-11-24T11:00:00.000Z\r\n',
      );
    });

    it('answers just the header when nothing awaits blocking, and audits the export', async () => {
      const response = await exportCsv();
      expect(await response.text()).toBe('url_key,url,topics,first_reported_at,decided_at\r\n');
      const events = await t.storage.audit.list({ action: 'material.blocking_list_exported' }, 100);
      expect(events.map((e) => [e.actorUserId, e.details])).toEqual([
        [reviewer.id, { materials: 0 }],
      ]);
    });
  });
});
