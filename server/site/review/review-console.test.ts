import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '../../features/accounts/testing';
import { report } from '../../features/review/testing';
import { deleteOf, pullAs, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: SiteClient;
beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = siteClient(t);
  reviewer.signInAs(createUser(t, { role: 'reviewer' }).id);
});
afterEach(() => t.dispose());

const uploadEvidence = async (bytes: Uint8Array) => {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const response = await t.app.request(`/api/evidence/${sha256}`, {
    method: 'PUT',
    headers: { ...analyst.auth, 'content-type': 'image/png' },
    body: bytes,
  });
  expect(response.status).toBe(201);
  return { sha256, mime: 'image/png' as const, bytes: bytes.byteLength };
};

/** Submits the decision form of a material page as the reviewer last saw it. */
const decideOnPage = async (materialId: string, status: string, comment = 'Обоснование') => {
  const page = await reviewer.get(`/review/materials/${materialId}`);
  const version = /name="expectedVersion" value="(\d+)"/.exec(page.html)?.[1];
  return reviewer.post(`/review/materials/${materialId}/decision`, {
    status,
    comment,
    expectedVersion: version ?? '',
  });
};

describe('the materials queue', () => {
  it('shows one row per material with its topics, languages, regions, count, status and evidence', async () => {
    const evidence = await uploadEvidence(SAMPLE_FILES.png);
    const first = await report(t, analyst, {
      url: 'https://casino.example.kz/promo?utm_source=tg',
      title: 'Онлайн-казино',
      evidence,
    });
    await report(t, createUser(t), { url: 'https://casino.example.kz/promo', topics: ['fraud'] });
    const page = await reviewer.get('/review?lang=en');
    expect(page.status).toBe(200);
    const rows = page.html.match(/<tr data-material="[^"]+">/g) ?? [];
    expect(rows).toHaveLength(1);
    const text = textOf(page.html);
    expect(text).toContain('Онлайн-казино');
    expect(text).toContain('https://casino.example.kz/promo');
    expect(text).toMatch(/Online casinos[^<]*/);
    expect(text).toContain('Fraud');
    expect(text).toContain('Almaty');
    expect(page.html).toContain(`href="/review/materials/${first.materialId}"`);
    expect(page.html).toContain(`<img src="/review/evidence/${evidence.sha256}"`);
    const image = await reviewer.get(`/review/evidence/${evidence.sha256}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('filters by status, topic, language and region, and searches URLs and titles', async () => {
    await report(t, analyst, { title: 'Казино', topics: ['gambling'] });
    await report(t, analyst, {
      title: 'Пирамида',
      topics: ['financial_pyramid'],
      languages: ['kk'],
      geography: { indicated: true, country: 'KZ', region: 'KZ-71' },
    });
    const titles = async (query: string) =>
      [...(await reviewer.get(`/review?${query}`)).html.matchAll(/class="title">([^<]+)</g)].map(
        (m) => m[1],
      );
    expect(await titles('')).toEqual(['Пирамида', 'Казино']);
    expect(await titles('topic=gambling')).toEqual(['Казино']);
    expect(await titles('language=kk')).toEqual(['Пирамида']);
    expect(await titles('region=KZ-71')).toEqual(['Пирамида']);
    expect(await titles('status=under_review')).toEqual([]);
    expect(await titles('q=%D0%9F%D0%B8%D1%80')).toEqual(['Пирамида']);
    expect(await titles('topic=not-a-topic')).toEqual(['Пирамида', 'Казино']);
  });
});

describe('a material and its decisions', () => {
  it('offers only the next statuses of the workflow and walks a material to blocked', async () => {
    const { materialId } = await report(t, analyst, { note: 'Реклама казино' });
    const first = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    expect(first.html.match(/name="status" value="(\w+)"/g)).toEqual([
      'name="status" value="under_review"',
    ]);
    expect(first.html).toContain('Реклама казино');

    for (const status of ['under_review', 'confirmed', 'sent_for_blocking', 'blocked']) {
      const done = await decideOnPage(materialId, status, `Шаг ${status}`);
      expect(done.status).toBe(303);
      expect(done.location).toBe(`/review/materials/${materialId}?decided=1`);
    }
    const last = await reviewer.get(`/review/materials/${materialId}?decided=1&lang=en`);
    expect(last.html).toContain('The decision is recorded.');
    expect(last.html.match(/name="status" value="(\w+)"/g)).toEqual([
      'name="status" value="restored"',
    ]);
    expect(textOf(last.html)).toContain('Шаг sent_for_blocking');
    expect(textOf(last.html)).toContain('Confirmed → Sent for blocking');
    expect(textOf(last.html)).toContain('Sent for blocking → Blocked');
  });

  it('says clearly when someone else decided first, and keeps the comment typed', async () => {
    const { materialId } = await report(t, analyst);
    const stale = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    const seen = /name="expectedVersion" value="(\d+)"/.exec(stale.html)![1]!;
    // Another reviewer takes it into review meanwhile.
    const other = siteClient(t);
    other.signInAs(createUser(t, { role: 'admin' }).id);
    await other.get(`/review/materials/${materialId}`);
    expect(
      (
        await other.post(`/review/materials/${materialId}/decision`, {
          status: 'under_review',
          comment: '',
          expectedVersion: seen,
        })
      ).status,
    ).toBe(303);
    const late = await reviewer.post(`/review/materials/${materialId}/decision`, {
      status: 'under_review',
      comment: 'Мой комментарий',
      expectedVersion: seen,
    });
    expect(late.status).toBe(409);
    expect(late.html).toContain('Someone changed this material while you were deciding');
    expect(late.html).toContain('>Мой комментарий</textarea>');
  });

  it('asks for a comment on every decision but taking a material into review', async () => {
    const { materialId } = await report(t, analyst);
    await decideOnPage(materialId, 'under_review', '');
    const page = await decideOnPage(materialId, 'confirmed', '');
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="comment-error">Обоснуйте решение в комментарии\./);
  });

  it('puts the materials sent for blocking in the blocking list CSV', async () => {
    const { materialId } = await report(t, analyst, { url: 'https://pyramid.example.kz/join' });
    await report(t, analyst, { url: 'https://other.example.kz/' });
    for (const status of ['under_review', 'confirmed', 'sent_for_blocking']) {
      await decideOnPage(materialId, status);
    }
    const csv = await reviewer.get('/review/blocking-list.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="blocking-list-/);
    expect(csv.html).toContain('https://pyramid.example.kz/join');
    expect(csv.html).not.toContain('other.example.kz');
  });
});

describe('what the material page tells of reporters and reviewers', () => {
  it('records a comment for the reporters beside the internal one, and names the reviewer', async () => {
    const named = siteClient(t);
    named.signInAs(createUser(t, { role: 'reviewer', fullName: 'Ерлан Жумабаев' }).id);
    const { materialId } = await report(t, analyst);
    const page = await named.get(`/review/materials/${materialId}?lang=en`);
    expect(page.html).toContain('Internal comment (reviewers only)');
    expect(page.html).toContain('name="reporterComment"');
    await named.post(`/review/materials/${materialId}/decision`, {
      status: 'under_review',
      comment: 'Берём в работу',
      reporterComment: 'Материал взят на проверку',
      expectedVersion: '1',
    });
    const after = await named.get(`/review/materials/${materialId}?lang=en`);
    const text = textOf(after.html);
    expect(text).toContain('Ерлан Жумабаев');
    expect(text).toContain('Берём в работу');
    expect(text).toContain('Материал взят на проверку');
    const pulled = await pullAs(t, analyst);
    expect(pulled.body.changes[0]).toMatchObject({
      status: 'under_review',
      reporterComment: 'Материал взят на проверку',
    });
  });

  it('keeps a material whose only report was withdrawn, says so, and finds it under the withdrawn filter', async () => {
    const { report: sent, materialId } = await report(t, analyst, { title: 'Отозванное казино' });
    t.advance(60_000);
    await pushAs(t, analyst, [deleteOf(sent.id)]);

    const live = await reviewer.get('/review?lang=en');
    expect(live.html).not.toContain(`data-material="${materialId}"`);
    const withdrawn = await reviewer.get('/review?lang=en&withdrawn=true');
    expect(withdrawn.html).toContain(`data-material="${materialId}"`);
    expect(textOf(withdrawn.html)).toContain('Withdrawn');

    const page = await reviewer.get(`/review/materials/${materialId}?lang=ru`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Все сообщения об этом материале отозваны их авторами');
    expect(text).toContain('Автор отозвал сообщение');
    expect(page.html).toContain(`data-withdrawn="${sent.id}"`);
  });
});
