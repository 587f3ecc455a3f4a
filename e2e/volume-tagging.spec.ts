import { expect, test } from '@playwright/test';
import { adminLogin, createApprovedAnalyst } from './support/accounts';
import { launchTestBuild, materialOf } from './support/evidence';
import { signInExtension } from './support/extension';
import { startPageServer } from './support/pages';
import { openTab } from './support/popup';
import { startServer } from './support/server';
import {
  chooseItem,
  linksPageBody,
  openVolume,
  serverReports,
  shootVolume,
  windowOf,
} from './support/volume';

// Issue 16: volume work in the extension. The test build stands in for the grants an analyst's
// clicks give (a test cannot click the toolbar button), as in evidence-capture.spec.ts.

test('five tabs tagged in one action reach the server as five reports, each with its capture', async () => {
  test.setTimeout(120_000);
  const server = await startServer();
  const names = [1, 2, 3, 4, 5].map((n) => `mirror${n}`);
  const pages = await startPageServer(
    Object.fromEntries(names.map((name, i) => [name, { title: `Зеркало казино ${i + 1}` }])),
  );
  const browser = await launchTestBuild();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const urls = names.map((name) => pages.url(name));
    for (const url of urls) await openTab(browser, url);
    const volume = await openVolume(browser, {
      mode: 'tabs',
      windowId: await windowOf(browser, urls[0]!),
    });

    await expect(volume.locator('li.volume-item')).toHaveCount(5);
    for (const url of urls) await chooseItem(volume, url);
    await expect(volume.getByTestId('volume-chosen')).toHaveText('5 of 5 chosen');
    await volume.locator('input[name=topic][value=gambling]').check();
    await volume.locator('#field-languages').selectOption('ru');
    await expect(volume.locator('input[name=captureEvidence]')).toBeChecked();
    // The third tab alone gets a second topic and a note.
    await volume
      .locator(`li.volume-item[data-url="${urls[2]}"]`)
      .getByRole('button', { name: /Change the values/ })
      .click();
    await expect(volume.getByTestId('volume-values').locator('legend').first()).toContainText(
      'Зеркало казино 3',
    );
    await volume.locator('input[name=topic][value=fraud]').check();
    await volume.locator('textarea[name=note]').fill('Платёжная страница');
    await volume.getByRole('button', { name: 'Back to the values of all' }).click();
    await expect(volume.locator(`li.volume-item[data-url="${urls[2]}"]`)).toContainText(
      'own values',
    );
    await shootVolume(volume, 'tabs-en');

    await volume.getByTestId('volume-save').click();
    await expect(volume.getByTestId('volume-progress')).toContainText('5 of 5 saved.');
    await expect(volume.getByTestId('volume-progress')).toContainText('5 of 5 captured.', {
      timeout: 60_000,
    });
    await expect(volume.getByTestId('volume-sent')).toHaveText('5 of 5 sent to the server.', {
      timeout: 30_000,
    });
    await shootVolume(volume, 'tabs-done-en');

    const stored = await serverReports(server.url, token);
    expect(stored).toHaveLength(5);
    expect(stored.map((r) => r.url).sort()).toEqual([...urls].sort());
    for (const report of stored) {
      expect(report).toMatchObject({ source: 'page', languages: ['ru'] });
      expect(report.topics).toContain('gambling');
    }
    const third = stored.find((r) => r.url === urls[2])!;
    expect(third.topics).toEqual(['gambling', 'fraud']);
    expect(third.note).toBe('Платёжная страница');
    expect(stored.filter((r) => r.note === '')).toHaveLength(4);

    // Each tab was captured on its own: a screenshot and a copy, uploaded, per material.
    const admin = await adminLogin(server.url);
    const shots = new Set<string>();
    for (const [i, url] of urls.entries()) {
      // The files upload after their report: the material lists them before it holds them.
      await expect
        .poll(
          async () =>
            (await materialOf(server.url, admin, url))?.evidence.filter((f) => f.uploaded).length,
          { timeout: 30_000 },
        )
        .toBe(2);
      const detail = (await materialOf(server.url, admin, url))!;
      expect(detail.evidence).toHaveLength(2);
      expect(detail.reports[0]?.capture).toMatchObject({ url, title: `Зеркало казино ${i + 1}` });
      shots.add(detail.evidence.find((file) => file.kind === 'screenshot')!.sha256);
    }
    expect(shots.size).toBe(5);
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('three links picked from a page of fifty reach the server as three link reports', async () => {
  const server = await startServer();
  const specs: Record<string, { title: string; body?: string }> = {};
  const pages = await startPageServer(specs);
  specs.catalogue = { title: 'Каталог', body: linksPageBody(50, pages.url) };
  const browser = await launchTestBuild();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const pageUrl = pages.url('catalogue');
    const tabId = await openTab(browser, pageUrl);
    const volume = await openVolume(browser, { mode: 'links', tabId });

    await expect(volume.locator('li.volume-item')).toHaveCount(50);
    // Every fifth link points to a mirror on another domain; the text filter narrows further.
    await volume.getByTestId('volume-filter-text').fill('зеркало');
    await expect(volume.locator('li.volume-item')).toHaveCount(10);
    await volume.getByTestId('volume-filter-text').fill('');
    await volume.getByTestId('volume-filter-domain').selectOption('127.0.0.1');
    await expect(volume.locator('li.volume-item')).toHaveCount(40);
    await volume.getByTestId('volume-filter-domain').selectOption('');
    await volume.getByTestId('volume-filter-text').fill('казино 1');
    const picked = [
      'https://mirror14.casino-net.example/lobby',
      'https://mirror19.casino-net.example/lobby',
    ];
    for (const url of picked) await chooseItem(volume, url);
    await volume.getByTestId('volume-filter-text').fill('Товар 7');
    await chooseItem(volume, pages.url('item7'));
    picked.push(pages.url('item7'));
    await volume.getByTestId('volume-filter-text').fill('');
    await expect(volume.getByTestId('volume-chosen')).toHaveText('3 of 50 chosen');
    // Links nobody opened start from "undetermined" and "unknown".
    await expect(volume.locator('#field-openness')).toHaveValue('unknown');
    await volume.locator('input[name=topic][value=gambling]').check();
    await shootVolume(volume, 'links-en');

    await volume.getByTestId('volume-save').click();
    await expect(volume.getByTestId('volume-progress')).toHaveText('3 of 3 saved.');
    await expect(volume.getByTestId('volume-sent')).toHaveText('3 of 3 sent to the server.', {
      timeout: 30_000,
    });
    const stored = await serverReports(server.url, token);
    expect(stored.map((r) => r.url).sort()).toEqual([...picked].sort());
    for (const report of stored) {
      expect(report).toMatchObject({
        source: 'link',
        languages: ['und'],
        openness: 'unknown',
        availability: 'unknown',
        topics: ['gambling'],
      });
    }
    expect(stored.find((r) => r.url === pages.url('item7'))?.title).toBe('Товар 7');
  } finally {
    await browser.dispose();
    await pages.close();
    await server.dispose();
  }
});

test('a pasted list of twenty with two invalid lines: eighteen reports, two errors kept in the box', async () => {
  const server = await startServer();
  const browser = await launchTestBuild();
  try {
    const analyst = await createApprovedAnalyst(server.url);
    const token = await signInExtension(browser, server.url, analyst);
    const good = Array.from({ length: 18 }, (_, i) => `https://mirror${i}.pyramid.example/join`);
    const bad = ['pyramid-invest.example/join', 'ftp://files.pyramid.example/list.txt'];
    const lines = [...good.slice(0, 5), bad[0], ...good.slice(5, 12), bad[1], ...good.slice(12)];
    let volume = await openVolume(browser, { mode: 'list' });
    await volume.getByTestId('volume-list').fill(lines.join('\n'));
    await volume.locator('input[name=topic][value=financial_pyramid]').check();
    await expect(volume.locator('form[data-draft]')).toHaveAttribute('data-draft', 'kept');

    // Closed before saving: the list and the values come back.
    await volume.close();
    volume = await openVolume(browser, { mode: 'list' });
    await expect(volume.getByTestId('volume-list')).toHaveValue(lines.join('\n'));
    await expect(volume.locator('input[name=topic][value=financial_pyramid]')).toBeChecked();
    await expect(volume.getByTestId('volume-list-count')).toHaveText('Valid: 18. To fix: 2.');

    await volume.getByTestId('volume-save').click();
    await expect(volume.getByTestId('volume-progress')).toHaveText('18 of 18 saved.');
    await expect(volume.getByTestId('volume-list')).toHaveValue(bad.join('\n'));
    const errors = volume.getByTestId('volume-line-errors').locator('li');
    await expect(errors).toHaveCount(2);
    await expect(errors.nth(0)).toContainText(
      'Line 1: not a web address — write it in full, starting with https:// or http://.',
    );
    await expect(errors.nth(1)).toContainText(
      'Line 2: only http and https addresses can be reported.',
    );
    await expect(volume.getByTestId('volume-sent')).toHaveText('18 of 18 sent to the server.', {
      timeout: 30_000,
    });
    await shootVolume(volume, 'list-en');

    const stored = await serverReports(server.url, token);
    expect(stored.map((r) => r.url).sort()).toEqual([...good].sort());
    expect(stored.every((r) => r.source === 'link' && r.languages[0] === 'und')).toBe(true);
    // What is left in the box is still kept: a reopened page finds the two lines.
    await volume.close();
    volume = await openVolume(browser, { mode: 'list' });
    await expect(volume.getByTestId('volume-list')).toHaveValue(bad.join('\n'));
  } finally {
    await browser.dispose();
    await server.dispose();
  }
});
