import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { adminLogin, apiLogin, createApprovedAnalyst } from './support/accounts';
import { aPageReport } from './support/reports';
import { ADMIN, type RunningServer, startServer } from './support/server';
import { launchSiteBrowser, type SiteBrowser } from './support/site-browser';

// The site's side of the analyst's loop: the outcome and withdrawals reach the pages, the audit
// log speaks in words and names, "My reports" filters, and a disclosure is not recorded twice.

const SHOTS = process.env.WEBTAGGER_SHOTS_DIR ?? 'test-results/site-shots';
const LANGS = ['ru', 'kk', 'en'] as const;

let server: RunningServer;
let site: SiteBrowser;
let analyst: { email: string; password: string };
let decidedMaterial: string;
let withdrawnMaterial: string;

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/sign-in?lang=en`);
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('h1')).toContainText('Welcome');
}

/** Screenshots of a page in each site language, for people to look at. */
async function shoot(page: Page, path: string, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of LANGS) {
    const sep = path.includes('?') ? '&' : '?';
    await page.goto(`${server.url}${path}${sep}lang=${lang}`);
    await page.screenshot({ path: `${SHOTS}/${name}-${lang}.png`, fullPage: true });
  }
}

const report = aPageReport;

async function api(path: string, token: string, body: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, never>;
}

async function materialOf(adminToken: string, title: string): Promise<string> {
  const q = encodeURIComponent(title);
  for (const withdrawn of ['false', 'true']) {
    const response = await fetch(`${server.url}/api/materials?q=${q}&withdrawn=${withdrawn}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const body = (await response.json()) as { materials: { id: string }[] };
    if (body.materials[0]) return body.materials[0].id;
  }
  throw new Error(`no material titled ${title}`);
}

test.beforeAll(async () => {
  server = await startServer();
  site = await launchSiteBrowser();
  analyst = await createApprovedAnalyst(server.url);
  const token = await apiLogin(server.url, analyst);
  const casino = report({ title: 'Онлайн-казино «Удача»' });
  const drugs = report({ title: 'Закладки в Алматы', topics: ['drugs'], note: 'Продажа веществ' });
  const gone = report({ title: 'Снятое сообщение' });
  await api('/api/sync/push', token, {
    deviceId: 'e2e',
    mutations: [casino, drugs, gone].map((r) => ({ id: randomUUID(), op: 'upsert', report: r })),
  });
  await api('/api/sync/push', token, {
    deviceId: 'e2e',
    mutations: [{ id: randomUUID(), op: 'delete', reportId: gone.id }],
  });
  // A failed sign-in, for the log to name.
  await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: analyst.email, password: 'wrong password!' }),
  });
  const adminToken = await adminLogin(server.url);
  decidedMaterial = await materialOf(adminToken, 'Онлайн-казино');
  withdrawnMaterial = await materialOf(adminToken, 'Снятое сообщение');
  await api(`/api/materials/${decidedMaterial}/decision`, adminToken, {
    status: 'under_review',
    comment: '',
    expectedVersion: 1,
  });
  await api(`/api/materials/${decidedMaterial}/decision`, adminToken, {
    status: 'confirmed',
    comment: 'Лицензии нет, реестр проверен',
    reporterComment: 'Спасибо: материал подтверждён и передан на блокировку.',
    expectedVersion: 2,
  });
});

test.afterAll(async () => {
  await site?.dispose();
  await server?.dispose();
});

test('the audit log says what happened in words and names the people, filtered by name or e-mail', async () => {
  const page = await site.newPage();
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/admin/audit?lang=ru`);
  const table = page.locator('main table');
  await expect(table).toContainText('Неудачный вход');
  await expect(table).toContainText('Автор отозвал сообщение');
  await expect(table).toContainText('Test Analyst');
  await expect(table).not.toContainText('auth.login_failed');

  await page.locator('input[name=person]').fill(analyst.email.toUpperCase());
  await page.locator('form.filters button[type=submit]').click();
  const rows = page.locator('main table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    await expect(row.locator('td').nth(2)).toContainText(analyst.email);
  }
  await page.goto(`${server.url}/admin/audit?lang=kk&person=${encodeURIComponent('test analyst')}`);
  await expect(page.locator('main table')).toContainText('Автор хабарламаны кері қайтарып алды');
  await shoot(page, '/admin/audit', 'audit');
});

test('"My reports" filters the analyst’s reports by text, topic and status', async () => {
  const page = await site.newPage();
  await signIn(page, analyst);
  await page.goto(`${server.url}/my-reports?lang=ru`);
  const cards = page.locator('article.own-report');
  await expect(cards).toHaveCount(2);
  await expect(page.locator('main')).toContainText('Спасибо: материал подтверждён');
  await expect(page.locator('main')).not.toContainText('реестр проверен');

  await page.locator('input[name=q]').fill('закладки');
  await page.locator('form.filters button[type=submit]').click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Закладки в Алматы');

  await page.goto(`${server.url}/my-reports?lang=en`);
  await page.locator('select[name=topic]').selectOption('gambling');
  await page.locator('form.filters button[type=submit]').click();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Confirmed');
  await page.locator('select[name=status]').selectOption('submitted');
  await page.locator('form.filters button[type=submit]').click();
  await expect(cards).toHaveCount(0);
  await expect(page.locator('main')).toContainText('No reports match.');
  await shoot(page, '/my-reports', 'my-reports');
});

test('recording a disclosure shows the record, and reloading the page records nothing again', async () => {
  const page = await site.newPage();
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/admin/disclosures?lang=en`);
  await page.locator('input[name=recipient]').fill('Департамент полиции г. Алматы');
  await page.locator('textarea[name=basis], input[name=basis]').first().fill('Запрос № 123');
  await page.locator('input[name=requestNumber]').fill('17-4/2211');
  await page.locator('input[name=requestDate]').fill('2026-11-20');
  await page.locator('textarea[name=materialIds]').fill(decidedMaterial);
  await page.locator('main form[method=post] button[type=submit]').click();
  await expect(page).toHaveURL(/\/admin\/disclosures\?recorded=/);
  await expect(page.locator('[data-recorded]')).toContainText('The disclosure is recorded');
  await expect(page.locator('[data-disclosure]')).toHaveCount(1);
  await page.reload();
  await page.reload();
  await expect(page.locator('[data-disclosure]')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.locator('[data-recorded] a[download]').click();
  expect((await download).suggestedFilename()).toMatch(/^disclosure-.*\.json$/);
  const recorded = new URL(page.url()).search;
  await shoot(page, `/admin/disclosures${recorded}`, 'disclosures');
});

test('the material pages show names, the comment for the reporters and the withdrawal', async () => {
  const page = await site.newPage();
  await signIn(page, ADMIN);
  await page.goto(`${server.url}/review/materials/${decidedMaterial}?lang=en`);
  const history = page.locator('table.history');
  await expect(history).toContainText('Спасибо: материал подтверждён');
  await expect(page.locator('textarea[name=reporterComment]')).toBeVisible();
  await page.goto(`${server.url}/review?withdrawn=true&lang=en`);
  await expect(page.locator(`tr[data-material="${withdrawnMaterial}"]`)).toContainText('Withdrawn');
  await page.goto(`${server.url}/review/materials/${withdrawnMaterial}?lang=en`);
  await expect(history).toContainText('A report was withdrawn by its reporter');
  await shoot(page, `/review/materials/${decidedMaterial}`, 'material-decided');
  await shoot(page, `/review/materials/${withdrawnMaterial}`, 'material-withdrawn');
  await shoot(page, '/review?withdrawn=true', 'queue-withdrawn');
});

test('the statistics labels fit left of the axis in every language', async () => {
  const page = await site.newPage();
  await signIn(page, ADMIN);
  for (const lang of LANGS) {
    await page.goto(`${server.url}/stats?lang=${lang}`);
    const lefts = await page
      .locator('figure.chart svg text[text-anchor=end]')
      .evaluateAll((nodes) =>
        nodes.map((node) => (node as unknown as { getBBox(): { x: number } }).getBBox().x),
      );
    expect(lefts.length).toBeGreaterThan(0);
    for (const left of lefts) expect(left).toBeGreaterThanOrEqual(0);
  }
  await shoot(page, '/stats', 'stats');
});

test('the registration form asks for the password length first; a closed account is signed out plainly', async () => {
  const page = await site.newPage();
  await shoot(page, '/register', 'register');
  await page.goto(`${server.url}/register?lang=en`);
  await page.locator('input[name=password]').fill('short');
  expect(
    await page
      .locator('input[name=password]')
      .evaluate((i) => (i as unknown as { validity: { tooShort: boolean } }).validity.tooShort),
  ).toBe(true);

  const leaving = await createApprovedAnalyst(server.url, {
    email: `leaving-${Date.now()}@webtagger.test`,
    password: 'leaving-password-1',
  });
  await signIn(page, leaving);
  await page.goto(`${server.url}/me/erase?lang=ru`);
  await page.locator('main input[name=confirm]').check();
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('h1')).toContainText('закрыт');
  await expect(page.locator('main a[href^="/consent"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/closed-ru.png`, fullPage: true });
});
