import { expect, test } from 'vitest';
import { VERSION_5_STORES } from '../../extension/lib/testing/db-versions';
import { UPGRADE_MODULES, UPGRADED, upgradeVersion5 } from '../support/db-upgrade';
import { extensionModules } from '../support/extension-modules';
import { launchFirefoxWithExtension } from '../support/firefox';

// The version 6 upgrade with real Blobs in Firefox's IndexedDB (Chromium: e2e/db-upgrade.spec.ts).
test('a version 5 database in Firefox keeps every evidence file’s bytes through the upgrade', async () => {
  const fx = await launchFirefoxWithExtension();
  try {
    await fx.control.evaluate(await extensionModules(UPGRADE_MODULES));
    expect(await fx.control.evaluate(upgradeVersion5, VERSION_5_STORES)).toEqual(UPGRADED);
  } finally {
    await fx.dispose();
  }
});
