import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { adminLogin, createApprovedAnalyst } from '../support/accounts';
import {
  downloadEvidence,
  longPageBody,
  materialOf,
  pngSize,
  SCROLLING_BOX,
  scrollingBoxBody,
} from '../support/evidence';
import { type FirefoxWithExtension, launchFirefoxWithExtension } from '../support/firefox';
import { check, click, openPopup, openTab, signInExtension } from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

/** The Firefox test build (`npm run build:firefox:test`): host permissions stand in for activeTab. */
const FIREFOX_TEST_DIR = resolve('.output/test/firefox-mv2');

// Firefox draws the whole page at once (tabs.captureTab) and has no MHTML: the copy is the DOM's.
test('saving a long page in Firefox captures the whole page and an HTML copy the server verified', async () => {
  const server = await startServer();
  const pages = await startPageServer({ long: { title: 'Казино', body: longPageBody(5) } });
  const fx = await launchTestBuild();
  try {
    const { admin, detail } = await saveWithEvidence(fx, server.url, pages.url('long'));
    const screenshot = detail.evidence.find((f) => f.kind === 'screenshot')!;
    const copy = detail.evidence.find((f) => f.kind === 'page_copy')!;
    expect(copy.mime).toBe('text/html');
    const viewport = detail.reports[0]?.capture?.viewport as { height: number };
    const size = pngSize(await downloadEvidence(server.url, admin, screenshot.sha256));
    expect(size.height).toBeGreaterThan(3 * viewport.height);
    const html = (await downloadEvidence(server.url, admin, copy.sha256)).toString('utf8');
    expect(html).toContain('Конец страницы');
    expect(html).not.toContain('<script');
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});

// captureTab draws the window's whole rectangle, but not what a scrolling box hides: such a page
// is scrolled and stitched in Firefox too.
test('a page whose content scrolls in a box is captured whole in Firefox', async () => {
  const server = await startServer();
  const pages = await startPageServer({ app: { title: 'Лента', body: scrollingBoxBody(10) } });
  const fx = await launchTestBuild();
  try {
    const { admin, detail } = await saveWithEvidence(fx, server.url, pages.url('app'));
    const shot = detail.reports[0]?.files.find((f) => f.kind === 'screenshot');
    expect(shot?.fullPage).toBe(true);
    const viewport = detail.reports[0]?.capture?.viewport as { height: number };
    // Header, the box's ten blocks, footer: far more than the window's one screen.
    const { header, footer, block } = SCROLLING_BOX;
    const { height } = pngSize(await downloadEvidence(server.url, admin, shot!.sha256));
    expect(height).toBeGreaterThan(2 * viewport.height);
    expect(Math.abs(height - (header + 10 * block + footer))).toBeLessThanOrEqual(2);
  } finally {
    await fx.dispose();
    await pages.close();
    await server.dispose();
  }
});

async function launchTestBuild(): Promise<FirefoxWithExtension> {
  if (!existsSync(resolve(FIREFOX_TEST_DIR, 'manifest.json'))) {
    throw new Error('The Firefox test build is missing: run `npm run build:firefox:test`.');
  }
  return launchFirefoxWithExtension({ extensionDir: FIREFOX_TEST_DIR });
}

/** Saves `url` as a new analyst, evidence on, and waits until both its files reached the server. */
async function saveWithEvidence(fx: FirefoxWithExtension, serverUrl: string, url: string) {
  const analyst = await createApprovedAnalyst(serverUrl);
  await signInExtension(fx, serverUrl, analyst);
  const popup = await openPopup(fx, await openTab(fx, url));
  await check(popup, 'input[name=topic][value=gambling]');
  await click(popup, '[data-testid=save]');
  const admin = await adminLogin(serverUrl);
  await expect
    .poll(
      async () =>
        (await materialOf(serverUrl, admin, url))?.evidence.filter((f) => f.uploaded).length,
      { timeout: 40_000 },
    )
    .toBe(2);
  return { admin, detail: (await materialOf(serverUrl, admin, url))! };
}
