import { mkdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  adminLogin,
  apiLogin,
  createApprovedAnalyst,
  publishPolicy,
  pullAll,
} from './support/accounts';
import { type ExtensionBrowser, launchWithExtension } from './support/browser';
import { clickLinkMenu, liveWorker, signInExtension, tabIdOf } from './support/extension';
import { startPageServer } from './support/pages';
import { openPopup, openTab } from './support/popup';
import { startServer } from './support/server';

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const PAGES = {
  kazakh: {
    title: 'Қазақстандағы онлайн-казино жарнамасы',
    lang: 'kk',
    body: '<h1>Онлайн-казино</h1><p>Ұтыс ойындары, қауіпсіз төлем, бонус.</p>',
  },
  next: { title: 'Букмекер без лицензии', lang: 'ru' },
  'ru-link': { title: 'Закладки в Алматы', lang: 'ru' },
};

/** Where the popup or the options page is in the analyst's language (stored like the options page does). */
async function chooseLocale(browser: ExtensionBrowser, locale: 'ru' | 'kk' | 'en' | undefined) {
  await (await liveWorker(browser)).evaluate(
    (value) => chrome.storage.local.set({ settings: value ? { locale: value } : {} }),
    locale,
  );
}

/** The toolbar badge's text on a tab, as the background set it. */
async function badgeText(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return (await liveWorker(browser)).evaluate(
    (id) => chrome.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

async function shot(page: Page, name: string) {
  await page.setViewportSize({ width: 420, height: 720 });
  await page.screenshot({ path: `${SHOTS}/loop-${name}.png`, fullPage: true });
}

test('pre-fills are honest: a menu-tagged link is `und`, no topic is ticked, a reported page shows its report', async () => {
  const server = await startServer();
  const pages = await startPageServer(PAGES);
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);

    // A Kazakh page, tagged through the popup: its language comes from this page.
    const kazakhUrl = pages.url('kazakh');
    const kazakhTab = await openTab(browser, kazakhUrl);
    const popup = await openPopup(browser, kazakhTab);
    await expect(popup.getByTestId('languages-suggested')).toBeVisible();
    await expect(popup.locator('input[name=topic]:checked')).toHaveCount(0);
    await popup.getByTestId('topic-offers').locator('[data-topic=gambling]').click();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
    await popup.close();

    // From the same Kazakh page, the link menu's quick topic tags a Russian page it links to.
    const worker = await liveWorker(browser);
    const linkUrl = pages.url('ru-link');
    await clickLinkMenu(worker, {
      menuItemId: 'webtagger-link-topic:drugs',
      linkUrl,
      pageUrl: kazakhUrl,
      tabId: await tabIdOf(worker, kazakhUrl),
    });
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(2);
    const stored = await pullAll(server.url, token);
    const page = stored.find((r) => !r.deleted && r.url === kazakhUrl);
    const link = stored.find((r) => !r.deleted && r.url === linkUrl);
    expect(page).toMatchObject({ languages: ['kk-Cyrl'], topics: ['gambling'] });
    // Nobody looked at the link's target: not the Kazakh page's language, nor its other values.
    expect(link).toMatchObject({
      source: 'link',
      languages: ['und'],
      openness: 'unknown',
      availability: 'unknown',
      topics: ['drugs'],
    });

    // The next page's form ticks no topic: the last ones are offered.
    const next = await openPopup(browser, await openTab(browser, pages.url('next')));
    await expect(next.getByTestId('save')).toBeVisible();
    await expect(next.getByTestId('topic-offers').locator('[data-topic=gambling]')).toBeVisible();
    await expect(next.locator('input[name=topic]:checked')).toHaveCount(0);
    await expect(next.locator('select.suggested')).toHaveCount(3);
    await shot(next, 'form-suggestions-en');
    await next.close();

    // Back on the Kazakh page: the popup shows that report, not a second form.
    const again = await openPopup(browser, kazakhTab);
    const reported = again.getByTestId('already-reported');
    await expect(reported).toBeVisible();
    await expect(reported.getByTestId('report-status')).toHaveText('Received, awaiting review');
    await expect(again.getByTestId('save')).toHaveCount(0);
    await shot(again, 'already-reported-en');
    await reported.getByTestId('edit-reported').click();
    await expect(again.locator('input[name=topic][value=gambling]')).toBeChecked();
    await expect(again.getByTestId('page-url')).toHaveText(kazakhUrl);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('a reviewer’s decision with a comment comes back by itself, with a badge count', async () => {
  test.setTimeout(150_000);
  const server = await startServer();
  const pages = await startPageServer(PAGES);
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await signInExtension(browser, server.url, analyst);
    // The periodic pull, shortened to the browser's shortest alarm.
    await (await liveWorker(browser)).evaluate(() =>
      chrome.storage.local.set({ syncPeriodMinutes: 0.5 }),
    );
    const url = pages.url('next');
    const tabId = await openTab(browser, url);
    const popup = await openPopup(browser, tabId);
    await popup.locator('input[name=topic][value=gambling]').check();
    await popup.getByTestId('save').click();
    await expect(popup.getByTestId('saved-sync')).toHaveText('The server accepted the report.');
    await popup.close();
    await expect.poll(() => badgeText(browser, tabId)).toBe('✓');

    // A reviewer decides on the site; the analyst presses nothing.
    const adminToken = await adminLogin(server.url);
    const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
    const q = encodeURIComponent(PAGES.next.title);
    const { materials } = (await (
      await fetch(`${server.url}/api/materials?q=${q}`, { headers })
    ).json()) as { materials: { id: string }[] };
    const decide = async (body: unknown) => {
      const response = await fetch(`${server.url}/api/materials/${materials[0]!.id}/decision`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    await decide({ status: 'under_review', comment: '', expectedVersion: 1 });
    await decide({
      status: 'rejected',
      comment: 'Лицензия есть',
      reporterComment: 'У букмекера есть лицензия: нарушения нет.',
      expectedVersion: 2,
    });

    await expect.poll(() => badgeText(browser, tabId), { timeout: 75_000 }).toBe('1✓');

    // The list shows the outcome and the comment on the card, marked new; the count goes.
    const list = await openPopup(browser, tabId, 'pending');
    const card = list.getByTestId('report-item');
    await expect(card.getByTestId('report-status')).toHaveText('Not confirmed as a violation');
    await expect(card.getByTestId('reporter-comment')).toHaveText(
      "Reviewer's comment: У букмекера есть лицензия: нарушения нет.",
    );
    await expect(card.getByTestId('report-new')).toBeVisible();
    await expect.poll(() => badgeText(browser, tabId)).toBe('✓');
    await list.locator('select[name=statusFilter]').selectOption('rejected');
    await expect(list.getByTestId('search-results').getByTestId('report-item')).toHaveCount(1);
    await shot(list, 'list-outcome-en');
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('the options switch the UI to Kazakh, and the popup follows', async () => {
  const server = await startServer();
  const pages = await startPageServer(PAGES);
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await signInExtension(browser, server.url, analyst);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // The browser's language until the analyst chooses another.
    await expect(options.getByLabel('Interface language')).toHaveValue('');
    await options.getByLabel('Interface language').selectOption('kk');
    await expect(options.getByLabel('Интерфейс тілі')).toHaveValue('kk');
    await expect(options.locator('html')).toHaveAttribute('lang', 'kk');
    await shot(options, 'options-language-kk');

    const popup = await openPopup(browser, await openTab(browser, pages.url('next')));
    await expect(popup.getByTestId('tab-tag')).toHaveText('Белгілеу');
    await expect(popup.getByRole('button', { name: 'Сақтау' })).toBeVisible();
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('the changed popup states, in Russian, Kazakh and English', async () => {
  test.setTimeout(150_000);
  const server = await startServer();
  const pages = await startPageServer(PAGES);
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await signInExtension(browser, server.url, analyst);
    const kazakhTab = await openTab(browser, pages.url('kazakh'));
    const first = await openPopup(browser, kazakhTab);
    await first.getByTestId('topic-offers').locator('[data-topic=gambling]').click();
    await first.getByTestId('save').click();
    await expect(first.getByTestId('saved-sync')).toBeVisible();
    await first.close();
    const nextTab = await openTab(browser, pages.url('next'));

    for (const locale of ['ru', 'kk', 'en'] as const) {
      await chooseLocale(browser, locale);
      const form = await openPopup(browser, nextTab);
      await expect(form.locator('html')).toHaveAttribute('lang', locale);
      await expect(form.getByTestId('topic-offers')).toBeVisible();
      await expect(form.getByTestId('languages-suggested')).toBeVisible();
      await shot(form, `form-suggestions-${locale}`);
      await form.close();

      const reported = await openPopup(browser, kazakhTab);
      await expect(reported.getByTestId('already-reported')).toBeVisible();
      await shot(reported, `already-reported-${locale}`);
      await reported.close();

      const list = await openPopup(browser, kazakhTab, 'pending');
      await expect(list.getByTestId('report-status')).toBeVisible();
      await list.locator('input[name=reportSearch]').fill('казино');
      await expect(list.getByTestId('search-results').getByTestId('report-item')).toHaveCount(1);
      await shot(list, `list-search-${locale}`);
      await list.close();

      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await expect(options.getByTestId('preferences')).toBeVisible();
      await shot(options, `options-language-${locale}`);
      await options.close();
    }

    // A new policy version: the consent screen with "Not now".
    await publishPolicy(server.url, '2');
    for (const locale of ['ru', 'kk', 'en'] as const) {
      await chooseLocale(browser, locale);
      const consent = await openPopup(browser, nextTab);
      await expect(consent.getByTestId('consent-later')).toBeVisible();
      await expect(consent.getByTestId('policy-text')).toBeVisible();
      await shot(consent, `consent-later-${locale}`);
      await consent.getByTestId('consent-later').click();
      await expect(consent.getByTestId('consent-reminder')).toBeVisible();
      await shot(consent, `consent-reminder-${locale}`);
      await consent.close();
    }
    expect(await pullAll(server.url, await apiLogin(server.url, analyst))).toHaveLength(1);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
