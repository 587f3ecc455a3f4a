import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report, walk } from '../../features/review/testing';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let client: SiteClient;
beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  client = siteClient(t);
  client.signInAs(analyst.id);
});
afterEach(() => t.dispose());

const shownIds = (html: string) =>
  [...html.matchAll(/<article class="report own-report" data-report="([^"]+)"/g)].map((m) => m[1]);

describe('my reports', () => {
  it('lists only the analyst’s own live reports, newest first, with topics, date and status in words', async () => {
    const casino = await report(t, analyst, { title: 'Онлайн-казино «Удача»' });
    t.advance(86_400_000);
    const drugs = await report(t, analyst, { title: 'Закладки', topics: ['drugs'] });
    const gone = await report(t, analyst, { title: 'Снятое' });
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    await report(t, createUser(t), { title: 'Чужое сообщение' });

    const ru = await client.get('/my-reports?lang=ru');
    expect(ru.status).toBe(200);
    expect(shownIds(ru.html)).toEqual([drugs.report.id, casino.report.id]);
    const text = textOf(ru.html);
    expect(text).toContain('Наркотические');
    expect(text).toContain('Отправлено');
    expect(text).toContain('2026-11-24 10:00 UTC');
    expect(text).not.toContain('Чужое сообщение');
    expect(textOf((await client.get('/my-reports?lang=kk')).html)).toContain('Жіберілді');
    expect(textOf((await client.get('/my-reports?lang=en')).html)).toContain('Submitted');
  });

  it('filters by text in any case, topic, status and date, and shows the reviewers’ comment', async () => {
    const reviewer = createUser(t, { role: 'reviewer' });
    const casino = await report(t, analyst, { title: 'Онлайн-КАЗИНО', note: 'Реклама ставок' });
    t.advance(86_400_000);
    const drugs = await report(t, analyst, {
      title: 'Закладки',
      topics: ['drugs'],
      note: 'Продажа веществ',
    });
    await walk(t, reviewer, casino.materialId, ['under_review']);
    await t.app.request(`/api/materials/${casino.materialId}/decision`, {
      method: 'POST',
      headers: { ...reviewer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'confirmed',
        comment: 'Лицензии нет',
        reporterComment: 'Спасибо, подтверждено',
        expectedVersion: 2,
      }),
    });

    const byText = await client.get(`/my-reports?q=${encodeURIComponent('казино')}`);
    expect(shownIds(byText.html)).toEqual([casino.report.id]);
    expect(textOf(byText.html)).toContain('Спасибо, подтверждено');
    expect(textOf(byText.html)).not.toContain('Лицензии нет');
    const byNote = await client.get(`/my-reports?q=${encodeURIComponent('СТАВОК')}`);
    expect(shownIds(byNote.html)).toEqual([casino.report.id]);
    const byTopic = await client.get('/my-reports?topic=drugs');
    expect(shownIds(byTopic.html)).toEqual([drugs.report.id]);
    const byStatus = await client.get('/my-reports?status=confirmed');
    expect(shownIds(byStatus.html)).toEqual([casino.report.id]);
    const byDate = await client.get('/my-reports?from=2026-11-25&to=2026-11-25');
    expect(shownIds(byDate.html)).toEqual([drugs.report.id]);
    const none = await client.get('/my-reports?q=nothing&lang=en');
    expect(shownIds(none.html)).toEqual([]);
    expect(textOf(none.html)).toContain('No reports match.');
  });

  it('escapes what the analyst typed', async () => {
    await report(t, analyst, { title: '<script>alert(1)</script>' });
    const page = await client.get('/my-reports');
    expect(page.html).not.toContain('<script>alert(1)</script>');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is for analysts: a reviewer is refused, a visitor is sent to sign in', async () => {
    const reviewer = siteClient(t);
    reviewer.signInAs(createUser(t, { role: 'reviewer' }).id);
    expect((await reviewer.get('/my-reports')).status).toBe(403);
    const visitor = await siteClient(t).get('/my-reports');
    expect(visitor.status).toBe(303);
  });
});
