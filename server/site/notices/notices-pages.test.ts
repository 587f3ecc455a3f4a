import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report } from '../../features/review/testing';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

const HOUR = 3_600_000;

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: SiteClient;
let materials: string[];
beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_LETTERHEAD: 'Министерство цифрового развития|Астана' });
  analyst = createUser(t);
  reviewer = siteClient(t);
  reviewer.signInAs(createUser(t, { role: 'reviewer' }).id);
  materials = [
    (await report(t, analyst, { url: 'https://casino.example/a', title: 'Казино А' })).materialId,
    (await report(t, analyst, { url: 'https://casino.example/b', title: 'Казино Б' })).materialId,
  ];
});
afterEach(() => t.dispose());

async function addRecipient(): Promise<void> {
  await reviewer.get('/review/recipients');
  const saved = await reviewer.post('/review/recipients', {
    name: 'Example Platform LLP',
    type: 'platform',
    contact: 'legal@platform.example',
    deadlineHours: '24',
  });
  expect(saved.location).toBe('/review/recipients?saved=1');
}

/** Drafts a notice of both materials from the queue's selection; answers the notice's path. */
async function draftFromSelection(): Promise<string> {
  const query = materials.map((id) => `material=${id}`).join('&');
  const form = await reviewer.get(`/review/notices/new?${query}&lang=en`);
  expect(form.html).toContain('Казино А');
  expect(form.html).toContain('Казино Б');
  const recipientId = /<option value="([0-9a-f-]{36})"/.exec(form.html)![1]!;
  const drafted = await reviewer.post('/review/notices', {
    materialId: materials,
    recipientId,
    legalGround: 'communications_41_1_p1',
    explanation: 'Реклама онлайн-казино.',
  });
  expect(drafted.status).toBe(303);
  return drafted.location!.split('?')[0]!;
}

describe('notices on the site', () => {
  it('drafts from selected materials, sends, and escalates the notice once overdue', async () => {
    await addRecipient();
    const queue = await reviewer.get('/review?lang=en');
    expect(queue.html).toContain('form="selection"');
    const path = await draftFromSelection();
    const draft = await reviewer.get(`${path}?lang=en`);
    expect(draft.html).toContain('data-notice-status="draft"');
    expect((await reviewer.post(`${path}/send`)).location).toBe(`${path}?sent=1`);

    t.advance(25 * HOUR);
    const list = await reviewer.get('/review/notices?lang=en');
    expect(list.html).toContain('class="overdue"');
    expect(textOf(list.html)).toContain('1 notice is overdue.');
    expect((await reviewer.get('/review?lang=en')).html).toContain('1 notice is overdue.');
    const material = await reviewer.get(`/review/materials/${materials[0]}?lang=ru`);
    expect(material.html).toContain('data-notice-status="overdue"');
    expect(textOf(material.html)).toContain('Просрочено');

    await reviewer.get(path);
    const answered = await reviewer.post(`${path}/responses`, {
      receivedOn: '2026-11-25',
      text: 'Доступ ограничен.',
      resultingStatus: 'complied',
    });
    expect(answered.status).toBe(303);
    const after = await reviewer.get('/review/notices?lang=en');
    expect(after.html).not.toContain('class="overdue"');
  });

  it('prints the letter in Russian and Kazakh with the ground, URLs, hashes and deadline', async () => {
    await addRecipient();
    const path = await draftFromSelection();
    await reviewer.get(path);
    await reviewer.post(`${path}/send`);
    const ru = textOf((await reviewer.get(`${path}/letter?lang=ru`)).html);
    expect(ru).toContain('Министерство цифрового развития');
    expect(ru).toContain('Об ограничении доступа к противоправной информации');
    expect(ru).toContain('Закон «О связи», ст. 41-1 п. 1');
    expect(ru).toContain('https://casino.example/a');
    expect(ru).toContain('не позднее 2026-11-25 10:00 (UTC)');
    const kk = textOf((await reviewer.get(`${path}/letter?lang=kk`)).html);
    expect(kk).toContain('Құқыққа қайшы ақпаратқа қол жеткізуді шектеу туралы');
    expect(kk).toContain('«Байланыс туралы» Заң, 41-1-бап 1-тармақ');
    expect(kk).toContain('2026-11-25 10:00 (UTC) кешіктірмей');
    const statement = await reviewer.get(`${path}/statement.json`);
    expect(JSON.parse(statement.html)).toMatchObject({ territorialScope: 'KZ' });
  });

  it('asks again for a legal ground and keeps what was typed', async () => {
    await addRecipient();
    const form = await reviewer.get(`/review/notices/new?material=${materials[0]}&lang=en`);
    const recipientId = /<option value="([0-9a-f-]{36})"/.exec(form.html)![1]!;
    const refused = await reviewer.post('/review/notices?lang=en', {
      materialId: materials[0]!,
      recipientId,
      legalGround: '',
      explanation: 'Объяснение',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Объяснение');
  });

  it('escapes what reviewers typed on every notice page and in the letter', async () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    await reviewer.get('/review/recipients');
    await reviewer.post('/review/recipients', {
      name: hostile,
      type: 'other',
      contact: hostile,
      deadlineHours: '1',
    });
    const form = await reviewer.get(`/review/notices/new?material=${materials[0]}`);
    const recipientId = /<option value="([0-9a-f-]{36})"/.exec(form.html)![1]!;
    const drafted = await reviewer.post('/review/notices', {
      materialId: materials[0]!,
      recipientId,
      legalGround: 'court_decision',
      courtNumber: hostile,
      courtDate: '2026-01-15',
      explanation: hostile,
    });
    const path = drafted.location!.split('?')[0]!;
    for (const page of [
      '/review/recipients',
      '/review/notices',
      path,
      `${path}/letter?lang=ru`,
      `${path}/letter?lang=kk`,
      `/review/materials/${materials[0]}`,
    ]) {
      const html = (await reviewer.get(page)).html;
      expect(html, page).not.toContain('<script>alert(1)');
      expect(html, page).not.toContain('<img src=x');
      expect(html, page).toContain('&lt;script&gt;alert(1)');
    }
  });

  it('keeps analysts out of notices and recipients', async () => {
    const analystSite = siteClient(t);
    analystSite.signInAs(analyst.id);
    for (const path of ['/review/notices', '/review/recipients', '/review/notices/new']) {
      expect((await analystSite.get(path)).status).toBe(403);
    }
  });
});
