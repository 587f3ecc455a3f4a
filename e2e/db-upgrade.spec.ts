import { expect, test } from '@playwright/test';
import { VERSION_5_STORES } from '../extension/lib/testing/db-versions';
import { launchWithExtension } from './support/browser';
import { UPGRADE_MODULES, UPGRADED, upgradeVersion5 } from './support/db-upgrade';
import { extensionModules, extensionPageWith } from './support/extension-modules';

// Version 6 moved evidence files' bytes out of their records. An analyst's profile holds real
// Blobs, which IndexedDB keeps apart from the record: the upgrade must carry them across in the
// browser itself, not only in the in-memory IndexedDB the unit tests use (Firefox:
// e2e/firefox/db-upgrade.test.ts).
test('a version 5 database in Chromium keeps every evidence file’s bytes through the upgrade', async () => {
  const browser = await launchWithExtension();
  try {
    const page = await extensionPageWith(browser, await extensionModules(UPGRADE_MODULES));
    expect(await page.evaluate(upgradeVersion5, VERSION_5_STORES)).toEqual(UPGRADED);
  } finally {
    await browser.dispose();
  }
});
