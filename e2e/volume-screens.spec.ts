import { expect, test } from '@playwright/test';
import { createApprovedAnalyst } from './support/accounts';
import { launchTestBuild } from './support/evidence';
import { signInExtension } from './support/extension';
import { startPageServer } from './support/pages';
import { openPopup, openTab } from './support/popup';
import { startServer } from './support/server';
import { chooseItem, openVolume, shootVolume, windowOf } from './support/volume';

/** What each language calls the list's first error, and a word of its title. */
const EXPECTED = {
  ru: { title: 'Несколько страниц сразу', lineError: 'Строка 1: это не веб-адрес' },
  kk: { title: 'Бірнеше бет бірден', lineError: '1-жол: бұл веб-мекенжай емес' },
  en: { title: 'Several pages at once', lineError: 'Line 1: not a web address' },
} as const;

// Every new screen in each UI language, saved to /tmp/shots/vol-ext-*.png to be looked at.
for (const locale of ['ru', 'kk', 'en'] as const) {
  test(`the screens for several pages speak ${locale}`, async () => {
    test.setTimeout(120_000);
    const server = await startServer();
    const specs: Record<string, { title: string; body?: string }> = {};
    const pages = await startPageServer(specs);
    specs.shop = { title: 'Казино «Удача»', body: '<h1>Казино</h1>' };
    specs.links = {
      title: 'Каталог',
      body: `<ul>${[1, 2, 3, 4, 5, 6]
        .map((n) => `<li><a href="https://m${n}.casino-net.example/">Зеркало ${n}</a></li>`)
        .join('')}<li><a href="${pages.url('shop')}">Магазин</a></li></ul>`,
    };
    const browser = await launchTestBuild({ locale });
    try {
      const analyst = await createApprovedAnalyst(server.url);
      await signInExtension(browser, server.url, analyst);
      // Chosen as the options page stores it: the browser's own language may lack a locale file.
      await browser.worker.evaluate(
        (value) => chrome.storage.local.set({ settings: { locale: value } }),
        locale,
      );
      const shopTab = await openTab(browser, pages.url('shop'));
      const linksTab = await openTab(browser, pages.url('links'));

      const popup = await openPopup(browser, shopTab);
      await expect(popup.getByTestId('open-volume')).toBeVisible();
      await shootVolume(popup, `popup-${locale}`);
      await popup.close();

      const tabs = await openVolume(browser, {
        mode: 'tabs',
        windowId: await windowOf(browser, pages.url('shop')),
      });
      await expect(tabs.locator('h1')).toHaveText(EXPECTED[locale].title);
      await chooseItem(tabs, pages.url('shop'));
      await chooseItem(tabs, pages.url('links'));
      await tabs.locator('input[name=topic][value=gambling]').check();
      await tabs.locator('li.volume-item').nth(1).locator('button.link').click();
      await tabs.locator('input[name=topic][value=fraud]').check();
      await shootVolume(tabs, `tabs-${locale}`);
      // The language set for all afterwards holds for the tab changed alone too.
      await tabs.getByTestId('volume-back-to-all').click();
      await tabs.locator('#field-languages').selectOption('ru');
      await tabs.getByTestId('volume-save').click();
      await expect(tabs.getByTestId('volume-sent')).toHaveAttribute('data-sent', '2', {
        timeout: 30_000,
      });
      await shootVolume(tabs, `tabs-done-${locale}`);
      // Listed again, both tabs are marked as the analyst's own reports.
      await tabs.getByTestId('volume-again').click();
      await expect(tabs.locator('li.volume-item .badge.sent')).toHaveCount(2);
      await shootVolume(tabs, `tabs-marked-${locale}`);
      await tabs.close();

      const links = await openVolume(browser, { mode: 'links', tabId: linksTab });
      await links.getByTestId('volume-filter-domain').selectOption('m2.casino-net.example');
      await chooseItem(links, 'https://m2.casino-net.example/');
      await links.getByTestId('volume-filter-domain').selectOption('');
      await chooseItem(links, 'https://m5.casino-net.example/');
      await links.locator('input[name=topic][value=gambling]').check();
      await shootVolume(links, `links-${locale}`);
      await links.getByTestId('volume-save').click();
      await expect(links.getByTestId('volume-done')).toBeVisible();
      await expect(links.getByTestId('volume-sent')).toHaveAttribute('data-sent', '2', {
        timeout: 30_000,
      });
      await shootVolume(links, `links-done-${locale}`);
      await links.close();

      const list = await openVolume(browser, { mode: 'list' });
      await list
        .getByTestId('volume-list')
        .fill('https://pyramid.example/join\npyramid-two.example\nhttps://pyramid.example/join/');
      await list.locator('input[name=topic][value=financial_pyramid]').check();
      await list.getByTestId('volume-save').click();
      // Saved: the valid line and its repetition went, the invalid line is line 1 of the box.
      await expect(list.getByTestId('volume-merged')).toBeVisible();
      await expect(list.getByTestId('volume-list')).toHaveValue('pyramid-two.example');
      await expect(list.getByTestId('volume-line-errors').locator('li').first()).toContainText(
        EXPECTED[locale].lineError,
      );
      await shootVolume(list, `list-${locale}`);
    } finally {
      await browser.dispose();
      await pages.close();
      await server.dispose();
    }
  });
}
