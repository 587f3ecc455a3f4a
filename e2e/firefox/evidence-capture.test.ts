import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { adminLogin, createApprovedAnalyst } from '../support/accounts';
import { downloadEvidence, longPageBody, materialOf, pngSize } from '../support/evidence';
import { launchFirefoxWithExtension } from '../support/firefox';
import { check, click, openPopup, openTab, signInExtension } from '../support/firefox-extension';
import { startPageServer } from '../support/pages';
import { startServer } from '../support/server';

/** The Firefox test build (`npm run build:firefox:test`): host permissions stand in for activeTab. */
const FIREFOX_TEST_DIR = resolve('.output/test/firefox-mv2');

// Firefox draws the whole page at once (tabs.captureTab) and has no MHTML: the copy is the DOM's.
test('saving a long page in Firefox captures the whole page and an HTML copy the server verified', async () => {
  const server = await startServer();
  const pages = await startPageServer({ long: { title: 'Казино', body: longPageBody(5) } });
  if (!existsSync(resolve(FIREFOX_TEST_DIR, 'manifest.json'))) {
    throw new Error('The Firefox test build is missing: run `npm run build:firefox:test`.');
  }
  const fx = await launchFirefoxWithExtension({ extensionDir: FIREFOX_TEST_DIR });
  try {
    const analyst = await createApprovedAnalyst(server.url);
    await signInExtension(fx, server.url, analyst);
    const url = pages.url('long');
    const popup = await openPopup(fx, await openTab(fx, url));
    await check(popup, 'input[name=topic][value=gambling]');
    await click(popup, '[data-testid=save]');

    const admin = await adminLogin(server.url);
    await expect
      .poll(
        async () =>
          (await materialOf(server.url, admin, url))?.evidence.filter((f) => f.uploaded).length,
        { timeout: 40_000 },
      )
      .toBe(2);
    const detail = (await materialOf(server.url, admin, url))!;
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
