import { expect, test } from '@playwright/test';
import { createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { clickLinkMenu, liveWorker, signInExtension, tabIdOf } from './support/extension';
import { startPageServer } from './support/pages';
import { startServer } from './support/server';

test('a link tagged from the context menu reaches the server as a link report', async () => {
  const server = await startServer();
  const pages = await startPageServer({ list: { title: 'Каталог ссылок' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const pageUrl = pages.url('list');
    await (await browser.context.newPage()).goto(pageUrl);
    const worker = await liveWorker(browser);
    const linkUrl = pages.url('casino?ref=catalogue');

    await clickLinkMenu(worker, {
      menuItemId: 'webtagger-link-topic:gambling',
      linkUrl,
      pageUrl,
      tabId: await tabIdOf(worker, pageUrl),
    });

    await expect
      .poll(async () => (await pullAll(server.url, token)).length, { timeout: 15_000 })
      .toBe(1);
    const [stored] = await pullAll(server.url, token);
    expect(stored).toMatchObject({
      url: linkUrl,
      source: 'link',
      title: linkUrl,
      topics: ['gambling'],
      geography: { indicated: false },
      status: 'submitted',
      version: 1,
    });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('"Open the full form…" opens the popup for the link in a window of its own', async () => {
  const server = await startServer();
  const pages = await startPageServer({ list: { title: 'Каталог ссылок' } });
  const browser = await launchWithExtension();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await signInExtension(browser, server.url, analyst);
    const pageUrl = pages.url('list');
    await (await browser.context.newPage()).goto(pageUrl);
    const worker = await liveWorker(browser);
    const tabId = await tabIdOf(worker, pageUrl);
    const linkUrl = pages.url('fraud?x=1&y=2');

    const opened = browser.context.waitForEvent('page');
    await clickLinkMenu(worker, { menuItemId: 'webtagger-link-form', linkUrl, pageUrl, tabId });
    const popup = await opened;
    const url = new URL(popup.url());
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('linkUrl')).toBe(linkUrl);
    expect(url.searchParams.get('tabId')).toBe(String(tabId));
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
