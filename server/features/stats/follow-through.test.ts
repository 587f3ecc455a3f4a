import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { siteClient, textOf } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import { createUser, type TestUser } from '../../testing/users';
import { addRecipient, draftNotice, sendJson } from '../notices/testing';
import { getJson, report, walk } from '../review/testing';
import { percentile } from './follow-through-service';

const HOUR = 3_600_000;
const TO_BLOCKED = ['under_review', 'confirmed', 'sent_for_blocking', 'blocked'] as const;

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost((req, res) => {
    if (req.url?.startsWith('/live')) res.end('<p>онлайн-казино</p>');
    else res.writeHead(404).end();
  });
});
afterAll(() => host.close());

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
beforeEach(async () => {
  t = await createTestApp({
    WEBTAGGER_RECHECK_ALLOW_PRIVATE: 'true',
    WEBTAGGER_RECHECK_HOST_INTERVAL_MS: '0',
  });
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

const recheck = (id: string) =>
  t.app.request(`/api/materials/${id}/recheck`, { method: 'POST', headers: reviewer.auth });

/**
 * Four materials reported at 2026-11-24 10:00: A blocked after 10 h, B found removed after 20 h,
 * C blocked after 30 h, D blocked after 40 h and found removed after 50 h.
 */
async function seedOutcomes() {
  const [a, b, c, d] = await Promise.all(
    ['live/a', 'gone/b', 'gone/c', 'gone/d'].map(
      async (path) => (await report(t, analyst, { url: `${host.origin}/${path}` })).materialId,
    ),
  );
  t.advance(10 * HOUR);
  await walk(t, reviewer, a!, [...TO_BLOCKED]);
  t.advance(10 * HOUR);
  expect((await recheck(a!)).status).toBe(200);
  expect((await recheck(b!)).status).toBe(200);
  t.advance(10 * HOUR);
  await walk(t, reviewer, c!, [...TO_BLOCKED]);
  t.advance(10 * HOUR);
  await walk(t, reviewer, d!, [...TO_BLOCKED]);
  t.advance(10 * HOUR);
  expect((await recheck(d!)).status).toBe(200);
  return [a!, b!, c!, d!];
}

describe('GET /api/stats/follow-through', () => {
  it('measures the time from first report to blocking or removal', async () => {
    await seedOutcomes();
    const { status, body } = await getJson(t, reviewer, '/api/stats/follow-through');
    expect(status).toBe(200);
    expect(body.timeToOutcome).toEqual({
      materials: 4,
      blocked: 3,
      removed: 1,
      medianHours: 25,
      p75Hours: 32.5,
      p90Hours: 37,
      maxHours: 40,
    });
    const inPeriod = await getJson(
      t,
      reviewer,
      '/api/stats/follow-through?from=2026-11-25&to=2026-11-25',
    );
    expect(inPeriod.body.timeToOutcome).toMatchObject({ materials: 2, medianHours: 25 });
  });

  it('counts re-check outcomes per day', async () => {
    await seedOutcomes();
    const { body } = await getJson(t, reviewer, '/api/stats/follow-through');
    expect(body.rechecks).toEqual([
      { day: '2026-11-25', outcome: 'live', count: 1 },
      { day: '2026-11-25', outcome: 'removed', count: 1 },
      { day: '2026-11-26', outcome: 'removed', count: 1 },
    ]);
    const lastDay = await getJson(t, reviewer, '/api/stats/follow-through?from=2026-11-26');
    expect(lastDay.body.rechecks).toEqual([{ day: '2026-11-26', outcome: 'removed', count: 1 }]);
  });

  it('tells compliance by recipient and the notices overdue now', async () => {
    const materialId = (await report(t, analyst)).materialId;
    const platform = await addRecipient(t, reviewer, { name: 'Platform', deadlineHours: 24 });
    const hosting = await addRecipient(t, reviewer, { name: 'Host', deadlineHours: 72 });
    const answers = ['complied', 'refused', undefined];
    for (const answer of answers) {
      const id = await draftNotice(t, reviewer, platform, [materialId]);
      await sendJson(t, reviewer, 'POST', `/api/notices/${id}/send`);
      if (answer) {
        await sendJson(t, reviewer, 'POST', `/api/notices/${id}/responses`, {
          receivedOn: '2026-11-24',
          text: 'Ответ',
          resultingStatus: answer,
        });
      }
    }
    const waiting = await draftNotice(t, reviewer, hosting, [materialId]);
    await sendJson(t, reviewer, 'POST', `/api/notices/${waiting}/send`);
    await draftNotice(t, reviewer, hosting, [materialId]); // never sent: not counted
    t.advance(25 * HOUR);

    const { body } = await getJson(t, reviewer, '/api/stats/follow-through');
    expect(body.compliance).toEqual([
      expect.objectContaining({
        name: 'Platform',
        sent: 3,
        complied: 1,
        refused: 1,
        overdue: 1,
        awaiting: 0,
        complianceRate: 1 / 3,
      }),
      expect.objectContaining({
        name: 'Host',
        sent: 1,
        awaiting: 1,
        overdue: 0,
        complianceRate: 0,
      }),
    ]);
    expect(body.overdueNotices).toBe(1);
  });

  it('shows the same figures on the statistics page', async () => {
    await seedOutcomes();
    const site = siteClient(t);
    site.signInAs(reviewer.id);
    const page = await site.get('/stats?lang=ru');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Время от первого сообщения до блокировки или удаления, часов');
    expect(text).toContain('4 (заблокировано: 3, удалено: 1)');
    expect(text).toMatch(/Медиана\s*25\b/);
    expect(page.html).toContain('data-table="rechecks-by-day"');
  });

  it('refuses analysts and a period that ends before it starts', async () => {
    expect((await getJson(t, analyst, '/api/stats/follow-through')).status).toBe(403);
    const bad = await getJson(
      t,
      reviewer,
      '/api/stats/follow-through?from=2026-11-26&to=2026-11-25',
    );
    expect(bad.status).toBe(400);
  });
});

describe('percentile', () => {
  it('interpolates between ranks', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37);
  });
});
