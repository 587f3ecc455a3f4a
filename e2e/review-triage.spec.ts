import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { adminLogin, apiLogin, type Credentials, createApprovedAnalyst } from './support/accounts';
import { aPageReport } from './support/reports';
import { type RunningServer, startServer } from './support/server';
import { injectedMarkup, launchSiteBrowser, type SiteBrowser } from './support/site-browser';

// Two reviewers share the queue: what one claims is not offered to the other's "next"; a decision
// on ten selected materials applies to eight and reports the one the other changed meanwhile and
// the one the other holds.

const SHOTS = process.env.WEBTAGGER_SHOTS_DIR ?? '/tmp/shots';
const LANGS = ['ru', 'kk', 'en'] as const;

let server: RunningServer;
let site: SiteBrowser;
let anna: Credentials;
let boris: Credentials;
let annaToken: string;

async function api(path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function reviewer(name: string): Promise<Credentials> {
  const who = await createApprovedAnalyst(server.url, {
    email: `${name}-${Date.now()}@webtagger.test`,
    password: `${name}-password-1`,
  });
  const adminToken = await adminLogin(server.url);
  const { users } = (await api('/api/admin/users', adminToken)) as {
    users: { id: string; email: string }[];
  };
  const id = users.find((u) => u.email === who.email)!.id;
  await api(`/api/admin/users/${id}/role`, adminToken, { role: 'reviewer' });
  return who;
}

async function signIn(page: Page, who: Credentials) {
  await page.goto(`${server.url}/sign-in?lang=en`);
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('nav a[href="/review"]')).toBeVisible();
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/vol-review-${name}.png`, fullPage: true });

test.beforeAll(async () => {
  server = await startServer();
  site = await launchSiteBrowser();
  mkdirSync(SHOTS, { recursive: true });
  const analyst = await createApprovedAnalyst(server.url);
  const token = await apiLogin(server.url, analyst);
  await api('/api/sync/push', token, {
    deviceId: 'e2e',
    mutations: Array.from({ length: 10 }, (_, i) => ({
      id: randomUUID(),
      op: 'upsert',
      report: aPageReport({ title: `Букмекер №${i + 1} без лицензии` }),
    })),
  });
  anna = await reviewer('anna');
  boris = await reviewer('boris');
  annaToken = await apiLogin(server.url, anna);
});

test.afterAll(async () => {
  await site?.dispose();
  await server?.dispose();
});

test("a material one reviewer claimed is not offered by the other's next", async () => {
  const a = await site.newPage();
  await signIn(a, anna);
  await a.goto(`${server.url}/review?lang=en`);
  await a.locator('a[data-key="next"]').click();
  const claimedUrl = a.url().split('?')[0]!;
  await a.locator('button[data-key="claim"]').click();
  await expect(a.locator('.notice.success')).toContainText('You claimed this material.');
  for (const lang of LANGS) {
    await a.goto(`${claimedUrl}?claim=claimed&lang=${lang}`);
    await shot(a, `material-claimed-${lang}`);
  }

  const b = await site.newPage();
  await signIn(b, boris);
  await b.goto(`${server.url}/review?lang=en`);
  const claimedId = claimedUrl.split('/').at(-1)!;
  await expect(b.locator(`tr[data-material="${claimedId}"]`)).toContainText('since');
  // "n" on the queue opens Boris's next: never Anna's material.
  await b.keyboard.press('n');
  await expect(b).toHaveURL(/\/review\/materials\//);
  expect(b.url()).not.toContain(claimedId);
  // Opening Anna's material, Boris is offered neither to claim it nor a decision form (either
  // would be refused): the form's place says who decides it.
  await b.goto(`${claimedUrl}?lang=en`);
  await expect(b.locator('button[data-key="claim"]')).toHaveCount(0);
  await expect(b.locator('p#decision')).toContainText(
    'The decision is made by whoever holds the material:',
  );
  await expect(b.locator('form#decision')).toHaveCount(0);
  for (const lang of LANGS) {
    await b.goto(`${server.url}/review?lang=${lang}`);
    // At a laptop's width every column is in view, and the titles keep room to be read.
    const layout = await b.locator('table.queue').evaluate((table) => ({
      overflow: table.scrollWidth - table.parentElement!.clientWidth,
      material: table.querySelector('td.material')!.getBoundingClientRect().width,
      rem: Number.parseFloat(
        table.ownerDocument.defaultView!.getComputedStyle(table.ownerDocument.documentElement)
          .fontSize,
      ),
    }));
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.material).toBeGreaterThanOrEqual(12 * layout.rem);
    await shot(b, `queue-claims-${lang}`);
  }
  for (const lang of LANGS) {
    await b.goto(`${claimedUrl}?lang=${lang}#decision`);
    await shot(b, `material-held-by-another-${lang}`);
  }
  // Boris is not offered to release Anna's claim; Anna, its holder, lets it go.
  await expect(b.locator(`form[action$="/release"]`)).toHaveCount(0);
  expect(await injectedMarkup(b)).toMatchObject({ scripts: 0, handlers: 0 });
  await a.goto(`${claimedUrl}?lang=en`);
  await a.locator(`form[action$="/release"] button`).click();
  await expect(a.locator('.notice.success')).toContainText('released');
});

test('the keyboard moves through the queue and "?" lists the keys, typing in fields is left alone', async () => {
  const page = await site.newPage();
  await signIn(page, boris);
  for (const lang of LANGS) {
    await page.goto(`${server.url}/review?lang=${lang}&sort=title&dir=asc`);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(page.locator('tr.current')).toHaveCount(1);
    await expect(page.locator('tr[data-material]').nth(1)).toHaveClass(/current/);
    await page.keyboard.press('?');
    await expect(page.locator('#keyboard-help')).toBeVisible();
    await shot(page, `queue-keyboard-${lang}`);
  }
  await page.keyboard.press('Escape');
  await expect(page.locator('#keyboard-help')).toBeHidden();
  await page.locator('#q').fill('jk?');
  await expect(page.locator('#q')).toHaveValue('jk?');
  await expect(page.locator('#keyboard-help')).toBeHidden();
  // Saved filter with its sort, shown in every language.
  await page.locator('#filterName').fill('По заголовку');
  await page.locator('.saved-filters button[type=submit]').last().click();
  await expect(page.locator('.saved-filters li')).toHaveCount(1);
  for (const lang of LANGS) {
    await page.goto(`${server.url}/review?sort=title&dir=asc&saved=1&lang=${lang}`);
    await shot(page, `queue-saved-filter-${lang}`);
  }
  // On a material page, "d" goes to the decision form and "k" back to the queue.
  await page.locator('tr[data-material] a.title').first().click();
  await expect(page.locator('#claim-title')).toBeVisible();
  await page.waitForLoadState('load');
  await page.keyboard.press('d');
  await expect(page.locator('#decision input[type=radio]').first()).toBeFocused();
  const material = page.url().split('?')[0];
  for (const lang of LANGS) {
    await page.goto(`${material}?lang=${lang}&sort=title&dir=asc`);
    await page.keyboard.press('?');
    await shot(page, `material-keyboard-${lang}`);
  }
  await page.keyboard.press('Escape');
  await page.keyboard.press('k');
  await expect(page).toHaveURL(/\/review\?sort=title&dir=asc$/);
});

test('a decision on ten selected materials reports the one changed meanwhile and the one held by another', async () => {
  const page = await site.newPage();
  await signIn(page, boris);
  await page.goto(`${server.url}/review?lang=en`);
  await page.locator('input[data-select-all]').check();
  await expect(page.locator('input[data-select]:checked')).toHaveCount(10);
  // Anna takes one of them into review and claims another while Boris's page still shows them free.
  const moved = await page.locator('tr[data-material]').nth(3).getAttribute('data-material');
  await api(`/api/materials/${moved}/decision`, annaToken, {
    status: 'under_review',
    comment: '',
    expectedVersion: 1,
  });
  const held = await page.locator('tr[data-material]').nth(5).getAttribute('data-material');
  await api(`/api/materials/${held}/claim`, annaToken, {});
  await page.locator('#decision').selectOption('under_review');
  await page.locator('#bulk-decision button[type=submit]').first().click();
  await expect(page.locator('main .notice')).toContainText('Applied to 8 of 10 materials.');
  await expect(page.locator('tr[data-outcome="applied"]')).toHaveCount(8);
  const changed = page.locator('tr[data-outcome="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toHaveAttribute('data-material', moved!);
  const claimed = page.locator('tr[data-outcome="claimed"]');
  await expect(claimed).toHaveAttribute('data-material', held!);
  await expect(claimed).toContainText('Held by another reviewer: not applied');
  await shot(page, 'bulk-result-en');
  // Anna, its holder, takes her material into review herself and lets it go: the next decisions
  // reach all ten.
  await api(`/api/materials/${held}/decision`, annaToken, {
    status: 'under_review',
    comment: '',
    expectedVersion: 1,
  });
  await api(`/api/materials/${held}/release`, annaToken, {});

  // In Russian: all ten rejected (each now at the version this queue shows).
  await page.goto(`${server.url}/review?lang=ru`);
  await page.locator('input[data-select-all]').check();
  await page.locator('#decision').selectOption('rejected');
  await page.locator('#comment').fill('Нарушение не подтвердилось');
  await shot(page, 'bulk-form-ru');
  await page.locator('#bulk-decision button[type=submit]').first().click();
  await expect(page.locator('tr[data-outcome="applied"]')).toHaveCount(10);
  await shot(page, 'bulk-result-ru');

  // In Kazakh: nothing goes from rejected to under review; each row says so.
  await page.goto(`${server.url}/review?lang=kk`);
  await page.locator('input[data-select-all]').check();
  await page.locator('#decision').selectOption('confirmed');
  await page.locator('#comment').fill('Қайта қарау');
  await page.locator('#bulk-decision button[type=submit]').first().click();
  await expect(page.locator('tr[data-outcome="not_allowed"]')).toHaveCount(10);
  await shot(page, 'bulk-result-kk');
});
