import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { apiLogin, createApprovedAnalyst, pullAll } from './support/accounts';
import { launchWithExtension } from './support/browser';
import { clickLinkMenu, liveWorker, signInExtension, tabIdOf } from './support/extension';
import { startPageServer } from './support/pages';
import { startServer } from './support/server';

/** Another analyst reports a URL through the API (consent first). */
async function reportAsAnotherAnalyst(serverUrl: string, url: string) {
  const other = await createApprovedAnalyst(serverUrl, {
    email: `other-${Date.now()}@webtagger.test`,
    password: 'other-password-1',
  });
  const token = await apiLogin(serverUrl, other);
  const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const policy = (await (await fetch(`${serverUrl}/api/policy/current`)).json()) as {
    version: string;
  };
  await fetch(`${serverUrl}/api/consent`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      policyVersion: policy.version,
      scopes: { processing: true, thirdPartyTransfer: false },
    }),
  });
  const report = {
    id: randomUUID(),
    url,
    title: 'Reported elsewhere',
    source: 'page',
    resourceType: 'webpage',
    languages: ['ru'],
    geography: { indicated: false },
    openness: 'public',
    availability: 'accessible',
    topics: ['fraud'],
    note: '',
    capturedAt: new Date().toISOString(),
  };
  const pushed = await fetch(`${serverUrl}/api/sync/push`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      deviceId: 'elsewhere',
      mutations: [{ id: randomUUID(), op: 'upsert', report }],
    }),
  });
  const answer = (await pushed.json()) as { results: { status: string }[] };
  expect(answer.results[0]?.status).toBe('applied');
}

test('the badge marks pages already reported, by the analyst or by anyone, and no others', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    list: { title: 'Каталог' },
    mine: { title: 'Мой отчёт' },
    theirs: { title: 'Чужой отчёт' },
    fresh: { title: 'Новая страница' },
  });
  const browser = await launchWithExtension();
  try {
    await reportAsAnotherAnalyst(server.url, pages.url('theirs'));
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const listUrl = pages.url('list');
    await (await browser.context.newPage()).goto(listUrl);
    const worker = await liveWorker(browser);

    // Reporting a page syncs it and, after it, the list of known URLs.
    await clickLinkMenu(worker, {
      menuItemId: 'webtagger-link-topic:fraud',
      linkUrl: pages.url('mine'),
      pageUrl: listUrl,
      tabId: await tabIdOf(worker, listUrl),
    });
    await expect.poll(async () => (await pullAll(server.url, token)).length).toBe(1);

    const openTab = async (url: string) => {
      await (await browser.context.newPage()).goto(url);
      return tabIdOf(worker, url);
    };
    const badgeOf = (tabId: number) =>
      worker.evaluate(
        async (id) => ({
          text: await chrome.action.getBadgeText({ tabId: id }),
          title: await chrome.action.getTitle({ tabId: id }),
        }),
        tabId,
      );

    const theirs = await openTab(pages.url('theirs?utm_source=tg'));
    await expect
      .poll(() => badgeOf(theirs))
      .toEqual({ text: '✓', title: 'WebTagger: this page is already known to the system' });
    // Reported from a link, the page itself was never captured: the badge says so.
    const mine = await openTab(pages.url('mine'));
    await expect
      .poll(() => badgeOf(mine))
      .toEqual({
        text: '✓',
        title: 'WebTagger: reported from a link, not captured — open to capture the page',
      });
    const fresh = await openTab(pages.url('fresh'));
    await expect.poll(() => badgeOf(fresh)).toEqual({ text: '', title: 'WebTagger' });
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});
