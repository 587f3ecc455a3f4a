import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { adminLogin, apiLogin, createApprovedAnalyst } from './support/accounts';
import { aPageReport } from './support/reports';
import { type RunningServer, startServer } from './support/server';
import { launchSiteBrowser, type SiteBrowser } from './support/site-browser';

// A casino page is blocked; the same page, captured on another domain under another brand,
// arrives as a new report and is flagged as a possible mirror of the blocked one in the queue and
// on its page; the reviewer then decides it a duplicate of the original, picked from its relations.

const SHOTS = process.env.WEBTAGGER_SHOTS_DIR ?? '/tmp/shots';

let server: RunningServer;
let site: SiteBrowser;
let reviewer: { email: string; password: string };
let reviewerToken: string;
let blockedId: string;
let mirrorId: string;

/** A casino landing page as its copy reaches the server (the DOM snapshot of the page). */
const casino = (brand: string) => `<!doctype html><html><head><title>${brand}</title></head><body>
<header><a href="/">${brand}</a> <a href="/login">Вход</a></header><main><h1>Добро пожаловать в ${brand}</h1>
<p>Получите приветственный бонус на первый депозит и бесплатные вращения в популярных слотах.
Играйте в рулетку, покер и блэкджек с живыми дилерами круглосуточно. Вывод выигрышей на карту за
несколько минут, без проверки документов и без ограничений по сумме. Скачайте приложение, чтобы
играть даже при блокировке сайта: зеркало обновляется автоматически. Пригласите друга и получите
процент от его ставок. Ежедневные турниры с призовым фондом, кэшбэк каждую неделю.</p></main>
<footer>${brand} © 2026</footer></body></html>`;

async function call(
  method: string,
  path: string,
  token: string,
  body?: unknown,
  type = 'application/json',
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': type }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response.json() as Promise<unknown>;
}

/** Uploads the page copy and pushes the report, as the extension does; answers the material's id. */
async function reportPage(token: string, url: string, title: string, html: string) {
  const sha256 = createHash('sha256').update(html).digest('hex');
  await call('PUT', `/api/evidence/${sha256}`, token, html, 'text/html');
  const report = aPageReport({
    url,
    title,
    files: [{ sha256, mime: 'text/html', bytes: Buffer.byteLength(html), kind: 'page_copy' }],
  });
  await call('POST', '/api/sync/push', token, {
    deviceId: 'e2e',
    mutations: [{ id: randomUUID(), op: 'upsert', report }],
  });
  const page = (await call(
    'GET',
    `/api/materials?q=${encodeURIComponent(url)}`,
    reviewerToken,
  )) as {
    materials: { id: string }[];
  };
  return page.materials[0]!.id;
}

async function decide(id: string, status: string, expectedVersion: number) {
  await call('POST', `/api/materials/${id}/decision`, reviewerToken, {
    status,
    comment: 'Решение',
    expectedVersion,
  });
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/sign-in?lang=ru`);
  await page.locator('input[name=email]').fill(reviewer.email);
  await page.locator('input[name=password]').fill(reviewer.password);
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('nav a[href="/review/notices"]')).toBeVisible();
}

test.beforeAll(async () => {
  server = await startServer();
  site = await launchSiteBrowser();
  const analyst = await createApprovedAnalyst(server.url);
  const token = await apiLogin(server.url, analyst);
  reviewer = await createApprovedAnalyst(server.url, {
    email: `reviewer-${Date.now()}@webtagger.test`,
    password: 'reviewer-password-1',
  });
  const adminToken = await adminLogin(server.url);
  const users = (await call('GET', '/api/admin/users', adminToken)) as {
    users: { id: string; email: string }[];
  };
  const id = users.users.find((u) => u.email === reviewer.email)!.id;
  await call('POST', `/api/admin/users/${id}/role`, adminToken, { role: 'reviewer' });
  reviewerToken = await apiLogin(server.url, reviewer);

  blockedId = await reportPage(
    token,
    'https://vulkan777.casino.test/',
    'Vulkan777',
    casino('Vulkan777'),
  );
  for (const [version, status] of [
    'under_review',
    'confirmed',
    'sent_for_blocking',
    'blocked',
  ].entries()) {
    await decide(blockedId, status, version + 1);
  }
  // The same page on another domain, under another brand, after the original was blocked.
  mirrorId = await reportPage(
    token,
    'https://vulkan-kz.mirror.test/ru/',
    'Vulkan KZ',
    casino('Vulkan-KZ'),
  );
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  await site?.dispose();
  await server?.dispose();
});

test('a mirror of a blocked page is flagged on arrival, and decided a duplicate of it', async () => {
  const page = await site.newPage({ locale: 'ru-RU' });
  await signIn(page);
  for (const lang of ['ru', 'kk', 'en'] as const) {
    await page.goto(`${server.url}/review?mirror=true&lang=${lang}`);
    const rows = page.locator('tr[data-material]');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-material', mirrorId);
    await expect(
      rows.first().locator(`a.badge.mirror[data-mirror-of="${blockedId}"]`),
    ).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/mirrors-queue-${lang}.png`, fullPage: true });

    await page.goto(`${server.url}/review/materials/${mirrorId}?lang=${lang}`);
    await expect(page.locator(`.notice [data-mirror-of="${blockedId}"]`)).toBeVisible();
    await expect(page.locator(`#related li[data-related="${blockedId}"]`)).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/mirrors-material-${lang}.png`, fullPage: true });
  }

  // Taken into review, the mirror is decided a duplicate of the original its relations offer.
  await decide(mirrorId, 'under_review', 1);
  await page.goto(`${server.url}/review/materials/${mirrorId}?lang=en`);
  await page.locator('#status-duplicate').check();
  await page.locator('#comment').fill('The same casino page as the blocked one.');
  await page.locator('#duplicateOf').selectOption(blockedId);
  await page.screenshot({ path: `${SHOTS}/mirrors-duplicate-form-en.png`, fullPage: true });
  await page.locator('#decision button[type=submit]').click();
  await expect(page.locator('.notice.success')).toBeVisible();
  await page.goto(`${server.url}/review/materials/${blockedId}?lang=en`);
  await expect(page.locator(`#related li[data-related="${mirrorId}"]`)).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/mirrors-original-en.png`, fullPage: true });
});
