import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportInput } from '#shared/schemas/report';
import { siteClient, textOf } from '../../site/testing/site-client';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from '../review/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

type Page = { materials: { id: string }[]; cursor: string | null; hasMore: boolean };

const list = async (params: Record<string, string>) => {
  const answer = await getJson(t, reviewer, `/api/materials?${new URLSearchParams(params)}`);
  expect(answer.status).toBe(200);
  return answer.body as Page;
};
const search = async (q: string) => (await list({ q })).materials.map((m) => m.id);
const titled = async (title: string, overrides: Partial<ReportInput> = {}) =>
  (await report(t, analyst, { title, ...overrides })).materialId;

describe('searching the materials queue', () => {
  it('finds Russian text in any letter case', async () => {
    const terror = await titled('Пропаганда ТЕРРОРизма в Telegram');
    await titled('Продажа наркотиков');
    for (const q of ['террор', 'ТЕРРОР', 'Терроризма', 'тЕрРоРиЗмА', 'пропаганда террор']) {
      expect(await search(q), q).toEqual([terror]);
    }
  });

  it('finds Kazakh text in any letter case, every Kazakh letter included', async () => {
    const betting = await titled('Заңсыз ҰТЫС ТІГУ өңірде');
    const web = await titled('ғаламтор һәм әлеуметтік үгіт Қазақстан');
    expect(await search('ұтыс тігу ӨҢІРДЕ')).toEqual([betting]);
    expect(await search('ҒАЛАМТОР ҺӘМ ӘЛЕУМЕТТІК ҮГІТ')).toEqual([web]);
    expect(await search('қазақстан')).toEqual([web]);
    // Kazakh letters are letters of their own, not the Russian ones they resemble.
    expect(await search('Казахстан')).toEqual([]);
    expect(await search('тигу')).toEqual([]);
  });

  it('finds Latin text in any letter case', async () => {
    const casino = await titled('Online CASINO Royal');
    expect(await search('casino royal')).toEqual([casino]);
    expect(await search('ONLINE')).toEqual([casino]);
  });

  it('finds any substring of a title or a URL, not only whole words', async () => {
    const terror = await titled('Пропаганда терроризма', {
      url: 'https://forum-ekstremizm.example.kz/threads/17',
    });
    expect(await search('ррориз')).toEqual([terror]);
    expect(await search('да терр')).toEqual([terror]);
    expect(await search('EKSTREMIZM.EXAMPLE')).toEqual([terror]);
    expect(await search('threads/17')).toEqual([terror]);
    expect(await search('threads/18')).toEqual([]);
  });

  it('finds one or two characters in any case too, by a scan', async () => {
    const kazakh = await titled('Жарнама: құмар ойын');
    const russian = await titled('Ставки на спорт');
    expect(await search('Қ')).toEqual([kazakh]);
    expect(await search('ҚҰ')).toEqual([kazakh]);
    expect(await search('СП')).toEqual([russian]);
    expect(await search('ъ')).toEqual([]);
  });

  it('never searches the notes, which may hold personal data', async () => {
    await titled('Продажа наркотиков', { note: 'Продавец называет себя Кайратом' });
    expect(await search('Кайрат')).toEqual([]);
  });

  it('takes quotes and query syntax as text to look for', async () => {
    const quoted = await titled('Канал "Свобода" OR NEAR(x) * -y');
    for (const q of ['"Свобода"', 'OR NEAR(x)', '* -y', '"', 'бода" OR', 'x) *']) {
      expect(await search(q), q).toEqual([quoted]);
    }
    expect(await search('"Несвобода"')).toEqual([]);
  });

  it('combines with status and topic filters and pages with the cursor, in both orders', async () => {
    const made: { id: string; topic: 'gambling' | 'drugs'; reviewed: boolean }[] = [];
    for (let i = 0; i < 10; i++) {
      const topic = i % 2 === 0 ? 'gambling' : 'drugs';
      const id = await titled(`Ставки на спорт №${i}`, { topics: [topic] });
      made.push({ id, topic, reviewed: i % 3 === 0 });
      await titled(`Другая тема ${i}`, { topics: [topic] });
    }
    for (const m of made.filter((m) => m.reviewed)) {
      await walk(t, reviewer, m.id, ['under_review']);
    }
    const expected = made.filter((m) => m.topic === 'gambling' && !m.reviewed).map((m) => m.id);
    expect(expected).toHaveLength(3);
    for (const order of ['newest', 'oldest'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const filter = { q: 'СТАВКИ', topic: 'gambling', status: 'submitted', order, limit: '1' };
        const body = await list(cursor ? { ...filter, cursor } : filter);
        seen.push(...body.materials.map((m) => m.id));
        if (!body.hasMore) break;
        cursor = body.cursor ?? undefined;
      }
      expect(seen).toEqual(order === 'newest' ? [...expected].reverse() : expected);
    }
  });

  it('keeps the index in step with every write to materials', async () => {
    const kept = await titled('Букмекерская контора');
    const gone = await report(t, analyst, { title: 'Удалённый отчёт о казино' });
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    // A material whose every report is deleted leaves the queue, and so its search results.
    expect(await search('букмекер')).toEqual([kept]);
    expect(await search('удалённый')).toEqual([]);

    // A title changed in the table itself, past the services, is found by its new words only.
    t.update('materials', kept, { title: 'Новое название' });
    expect(await search('букмекер')).toEqual([]);
    expect(await search('НОВОЕ')).toEqual([kept]);
  });

  it('finds nothing in a lone NUL and never fails on one', async () => {
    const betting = await titled('Ставки');
    expect(await search('\0')).toEqual([]);
    expect(await search('Ста\0вки')).toEqual([betting]);
  });

  it('is the same search in the site queue', async () => {
    await titled('Пропаганда терроризма');
    await titled('Продажа наркотиков');
    const site = siteClient(t);
    site.signInAs(reviewer.id);
    const page = await site.get(`/review?q=${encodeURIComponent('ТЕРРОР')}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Пропаганда терроризма');
    expect(textOf(page.html)).not.toContain('Продажа наркотиков');
  });
});
