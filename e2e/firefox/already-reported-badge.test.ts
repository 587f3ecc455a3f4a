import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { acceptCurrentPolicy, apiLogin, createApprovedAnalyst, pullAll } from '../support/accounts';
import { launchFirefoxWithExtension } from '../support/firefox';
import {
  badgeOf,
  check,
  chooseLanguage,
  click,
  openPopup,
  openTab,
  signInExtension,
  textOf,
} from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

/** Another analyst reports a URL through the API. */
async function reportAsAnotherAnalyst(serverUrl: string, url: string) {
  const other = await createApprovedAnalyst(serverUrl, {
    email: `other-${Date.now()}@webtagger.test`,
    password: 'other-password-1',
  });
  const token = await apiLogin(serverUrl, other);
  await acceptCurrentPolicy(serverUrl, token);
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
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      deviceId: 'elsewhere',
      mutations: [{ id: randomUUID(), op: 'upsert', report }],
    }),
  });
  const answer = (await pushed.json()) as { results: { status: string }[] };
  expect(answer.results[0]?.status).toBe('applied');
}

test('the toolbar badge marks pages already reported, by the analyst or by anyone, and no others', async () => {
  const server = await startServer();
  const pages = await startPageServer({
    mine: { title: 'Мой отчёт' },
    theirs: { title: 'Чужой отчёт' },
    fresh: { title: 'Новая страница' },
  });
  const fx = await launchFirefoxWithExtension();
  try {
    await reportAsAnotherAnalyst(server.url, pages.url('theirs'));
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(fx, server.url, analyst);

    // Reporting a page syncs it and, after it, the list of known URLs.
    const popup = await openPopup(fx, await openTab(fx, pages.url('mine')));
    await check(popup, 'input[name=topic][value=fraud]');
    await chooseLanguage(popup, 'ru');
    await click(popup, '[data-testid=save]');
    await expect
      .poll(() => textOf(popup, '[data-testid=saved-sync]'))
      .toBe('The server accepted the report.');
    expect(await pullAll(server.url, token)).toHaveLength(1);

    const theirs = await openTab(fx, pages.url('theirs?utm_source=tg'));
    await expect
      .poll(() => badgeOf(fx, theirs))
      .toEqual({ text: '✓', title: 'WebTagger: this page is already known to the system' });
    const mine = await openTab(fx, pages.url('mine'));
    await expect
      .poll(() => badgeOf(fx, mine))
      .toEqual({ text: '✓', title: 'WebTagger: you have already reported this page' });
    const fresh = await openTab(fx, pages.url('fresh'));
    await expect.poll(() => badgeOf(fx, fresh)).toEqual({ text: '', title: 'WebTagger' });
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});
