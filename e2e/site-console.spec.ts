import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { apiLogin } from './support/accounts';
import { aPageReport } from './support/reports';
import { ADMIN, startServer } from './support/server';
import { HOSTILE, injectedMarkup, launchSiteBrowser } from './support/site-browser';

const TINY_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
// A 4×3 PNG, so that the thumbnail has something to show.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAGElEQVR4nGP8z8Dwn4GBgYGJgYEBKgAAD/ABAO8D3kQAAAAASUVORK5CYII=',
  'base64',
);
const SCREENSHOT = 'test-results/site-dashboard.png';

const NOTHING_INJECTED = { images: 0, handlers: 0, scripts: 0, flag: null };

async function signIn(page: Page, serverUrl: string, who: { email: string; password: string }) {
  await page.goto(`${serverUrl}/sign-in?lang=en`);
  await page.locator('input[name=email]').fill(who.email);
  await page.locator('input[name=password]').fill(who.password);
  await page.locator('main button[type=submit]').click();
  await expect(page.locator('h1')).toContainText('Welcome');
}

/** Accepts the current policy on the site's consent page, as every user must before a change. */
async function acceptPolicy(page: Page, serverUrl: string) {
  await page.goto(`${serverUrl}/consent`);
  await page.locator('#accept input[name=acceptPolicy]').check();
  await page.locator('#accept button[type=submit]').click();
  await expect(page).toHaveURL(`${serverUrl}/`);
}

const report = aPageReport;

test('register, approve, review to blocked and read the dashboard; hostile text stays text', async () => {
  const server = await startServer();
  const site = await launchSiteBrowser();
  try {
    const analyst = {
      email: `analyst-${Date.now()}@webtagger.test`,
      password: 'analyst-password-1',
    };

    // Registration with a document, through the form.
    const visitor = await site.newPage();
    await visitor.goto(`${server.url}/register?lang=en`);
    await visitor.locator('input[name=fullName]').fill(HOSTILE.name);
    await visitor.locator('input[name=email]').fill(analyst.email);
    await visitor.locator('input[name=password]').fill(analyst.password);
    await visitor.locator('input[name=organization]').fill('Министерство информации');
    await visitor.locator('input[name=position]').fill('Главный эксперт');
    await visitor.locator('input[name=documents]').setInputFiles({
      name: 'authorization.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(TINY_PDF),
    });
    await visitor.locator('input[name=acceptPolicy]').check();
    await visitor.locator('main button[type=submit]').click();
    await expect(visitor.locator('h1')).toHaveText('Registration received');

    // The admin approves the registration in the console; the hostile name is only text there.
    const admin = await site.newPage();
    await signIn(admin, server.url, ADMIN);
    // The bootstrap admin starts without consent; the site would hold back their first change.
    await acceptPolicy(admin, server.url);
    await admin.goto(`${server.url}/admin/users?status=pending`);
    const row = admin.locator('tr', { hasText: analyst.email });
    await expect(row).toContainText(HOSTILE.name);
    await expect(row.locator('a[download]')).toHaveText('authorization.pdf');
    expect(await injectedMarkup(admin)).toEqual(NOTHING_INJECTED);
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect(admin.locator('.notice.success')).toBeVisible();
    await expect(admin.locator('tr', { hasText: analyst.email })).toHaveCount(0);

    // The analyst can sign in now.
    await signIn(visitor, server.url, analyst);
    expect(await injectedMarkup(visitor)).toEqual(NOTHING_INJECTED);

    // Reports arrive through the API, as the extension sends them (consent was given at registration).
    const token = await apiLogin(server.url, analyst);
    const sha256 = createHash('sha256').update(PNG).digest('hex');
    const upload = await fetch(`${server.url}/api/evidence/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const hostile = report({
      title: HOSTILE.title,
      note: HOSTILE.note,
      topics: ['fraud', 'gambling'],
      evidence: { sha256, mime: 'image/png', bytes: PNG.byteLength },
    });
    const pushed = await fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        deviceId: 'e2e',
        mutations: [
          hostile,
          report({ topics: ['drugs'], languages: ['kk'], resourceType: 'social_post' }),
          report({ topics: ['gambling'], geography: { indicated: false } }),
        ].map((r) => ({ id: randomUUID(), op: 'upsert', report: r })),
      }),
    });
    const results = ((await pushed.json()) as { results: { status: string }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    mkdirSync('test-results', { recursive: true });
    // The queue shows the hostile title as text, with its evidence thumbnail.
    await admin.goto(`${server.url}/review`);
    const material = admin.locator('tr[data-material]', { hasText: 'window.__xss' });
    await expect(material.locator('a.title')).toHaveText(HOSTILE.title);
    const thumb = material.locator('.thumbs img');
    await expect(thumb).toBeVisible();
    expect(
      await thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(4);
    expect(await injectedMarkup(admin)).toEqual(NOTHING_INJECTED);
    await admin.screenshot({ path: 'test-results/site-queue.png', fullPage: true });

    // The material page, decided step by step to blocked; one comment is hostile too.
    await material.locator('a.title').click();
    await expect(admin.locator('h1')).toHaveText(HOSTILE.title);
    await expect(admin.locator('.report .note')).toHaveText(HOSTILE.note);
    // Only the statuses the workflow allows next are offered, step by step.
    const steps = [
      { offered: ['under_review'], status: 'under_review' },
      { offered: ['confirmed', 'rejected', 'duplicate'], status: 'confirmed' },
      { offered: ['sent_for_blocking'], status: 'sent_for_blocking' },
      { offered: ['blocked'], status: 'blocked' },
    ];
    for (const { offered, status } of steps) {
      const choices = admin.locator('input[name=status]');
      await expect(choices).toHaveCount(offered.length);
      expect(
        await choices.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('value'))),
      ).toEqual(offered);
      await admin.locator(`input[name=status][value=${status}]`).check();
      await admin
        .locator('textarea[name=comment]')
        .fill(status === 'confirmed' ? HOSTILE.note : `Step ${status}`);
      await admin.locator('#decision button[type=submit]').click();
      await expect(admin.locator('.notice.success')).toHaveText('The decision is recorded.');
    }
    await expect(admin.locator('dl.facts .badge')).toHaveText('Blocked');
    await admin.screenshot({ path: 'test-results/site-material.png', fullPage: true });
    await expect(admin.locator('td.note', { hasText: 'onerror' })).toHaveText(HOSTILE.note);
    expect(await injectedMarkup(admin)).toEqual(NOTHING_INJECTED);

    // The dashboard draws its charts on the server: bars with a size, a line of days.
    await admin.goto(`${server.url}/stats`);
    const bars = admin.locator('figure[data-chart=topic] rect.bar');
    await expect(bars).toHaveCount(3);
    for (const bar of await bars.all()) {
      const box = await bar.boundingBox();
      expect(box?.width).toBeGreaterThan(0);
      expect(box?.height).toBeGreaterThan(0);
    }
    await expect(admin.locator('figure[data-chart=status] rect.bar')).not.toHaveCount(0);
    await expect(admin.locator('figure[data-chart=day] circle.point')).toHaveCount(1);
    await admin.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');

    expect(site.dialogs).toEqual([]);
  } finally {
    await site.dispose();
    await server.dispose();
  }
});
