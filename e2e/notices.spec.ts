import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { adminLogin, apiLogin, createApprovedAnalyst } from './support/accounts';
import { aPageReport } from './support/reports';
import { type RunningServer, startServer } from './support/server';
import { launchSiteBrowser, type SiteBrowser } from './support/site-browser';

// A reviewer sends two materials to a platform in one notice under a legal ground; the platform's
// 24 hours pass on the server's clock and the notice shows overdue; the letter prints in ru and kk.

const SHOTS = process.env.WEBTAGGER_SHOTS_DIR ?? '/tmp/shots';
const HOUR = 3_600_000;

let server: RunningServer;
let site: SiteBrowser;
let reviewer: { email: string; password: string };
const titles = ['Онлайн-казино «Удача»', 'Казино «Фортуна» без лицензии'];

const report = (title: string) =>
  aPageReport({
    url: `https://casino-${randomUUID().slice(0, 8)}.example/page`,
    title,
    note: 'Реклама онлайн-казино.',
    // The screenshot's description: the letter lists its hash as the evidence of the page.
    evidence: {
      sha256: createHash('sha256').update(title).digest('hex'),
      mime: 'image/png',
      bytes: 100,
    },
  });

async function post(path: string, token: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/sign-in?lang=ru`);
  await page.locator('input[name=email]').fill(reviewer.email);
  await page.locator('input[name=password]').fill(reviewer.password);
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('nav a[href="/review/notices"]')).toBeVisible();
}

test.beforeAll(async () => {
  server = await startServer({ clock: 'settable' });
  site = await launchSiteBrowser();
  const analyst = await createApprovedAnalyst(server.url);
  const token = await apiLogin(server.url, analyst);
  await post('/api/sync/push', token, {
    deviceId: 'e2e',
    mutations: titles.map((t) => ({ id: randomUUID(), op: 'upsert', report: report(t) })),
  });
  reviewer = await createApprovedAnalyst(server.url, {
    email: `reviewer-${Date.now()}@webtagger.test`,
    password: 'reviewer-password-1',
  });
  const adminToken = await adminLogin(server.url);
  const users = (await (
    await fetch(`${server.url}/api/admin/users`, {
      headers: { authorization: `Bearer ${adminToken}` },
    })
  ).json()) as { users: { id: string; email: string }[] };
  const id = users.users.find((u) => u.email === reviewer.email)!.id;
  await post(`/api/admin/users/${id}/role`, adminToken, { role: 'reviewer' });
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await site?.dispose();
  await server?.dispose();
});

test('a notice of two materials goes overdue when its deadline passes and prints as a letter', async () => {
  const page = await site.newPage({ locale: 'ru-RU' });
  await signIn(page);

  await page.goto(`${server.url}/review/recipients?lang=ru`);
  await page.locator('#name').fill('ТОО «Пример Платформа»');
  await page.locator('#type').selectOption('platform');
  await page.locator('#contact').fill('legal@platform.example, г. Астана, пр. Мангилик Ел, 1');
  await page.locator('#deadlineHours').fill('24');
  await page.locator('form.recipient-form button[type=submit]').click();
  await expect(page.locator('tr[data-recipient]')).toHaveCount(1);

  await page.goto(`${server.url}/review?lang=ru`);
  for (const title of titles) {
    await page
      .locator('tr[data-material]', { hasText: title })
      .locator('input[type=checkbox]')
      .check();
  }
  await page.locator('button[formaction="/review/selection/notice"]').click();
  await expect(page.locator('ul.chosen li')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/notices-new-ru.png`, fullPage: true });
  await page.locator('#legalGround').selectOption('communications_41_1_p1');
  await page
    .locator('#explanation')
    .fill('Материалы рекламируют онлайн-казино, доступные пользователям в Казахстане.');
  await page.locator('main form button[type=submit]').click();
  await expect(page.locator('[data-notice-status="draft"]')).toBeVisible();
  await page.locator(`form[action$="/send"] button`).click();
  await expect(page.locator('[data-notice-status="sent"]')).toBeVisible();
  const noticeUrl = page.url().split('?')[0]!;

  server.advanceClock(25 * HOUR);
  await page.goto(`${server.url}/review/notices?lang=ru`);
  const row = page.locator('tr.overdue');
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-notice-status="overdue"]')).toHaveText('Просрочено');
  await expect(row.locator('td.num')).toHaveText('2');
  await page.screenshot({ path: `${SHOTS}/notices-list-ru.png`, fullPage: true });

  await page.goto(`${noticeUrl}?lang=ru`);
  await expect(page.locator('.notice.error')).toContainText('Просрочено');
  await page.screenshot({ path: `${SHOTS}/notices-detail-ru.png`, fullPage: true });

  await page.goto(`${server.url}/review?lang=ru`);
  await expect(page.locator('.notice.error')).toContainText('Просрочено уведомлений: 1');

  for (const lang of ['ru', 'kk'] as const) {
    await page.goto(`${server.url}/stats?lang=${lang}`);
    await expect(page.locator('table[data-table="compliance"] td.num').nth(4)).toHaveText('1');
    await page
      .locator('#follow-through')
      .screenshot({ path: `${SHOTS}/notices-stats-${lang}.png` });

    await page.goto(`${noticeUrl}/letter?lang=${lang}`);
    await expect(page.locator('table.letter-urls tbody tr')).toHaveCount(2);
    await expect(page.locator('.addressee')).toContainText('ТОО «Пример Платформа»');
    const hash = createHash('sha256').update(titles[0]!).digest('hex');
    await expect(page.locator('table.letter-urls')).toContainText(hash);
    await expect(page.locator('.ground')).toContainText(
      lang === 'ru' ? 'Закон «О связи»' : '«Байланыс туралы» Заң',
    );
    await page.screenshot({ path: `${SHOTS}/notices-letter-${lang}.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/notices-letter-${lang}-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }
  expect(site.dialogs).toEqual([]);
});
