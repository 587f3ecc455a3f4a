import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { ensureChromium } from './chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  dispose(): Promise<void>;
};

/**
 * Launches Debian's Chromium headless with the built extension loaded, on a fresh profile — or on
 * `profileDir`, to start the same browser again (that folder is then the caller's to remove).
 */
export async function launchWithExtension(
  options: { locale?: string; profileDir?: string } = {},
): Promise<ExtensionBrowser> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'webtagger-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    locale: options.locale,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.locale ? [`--lang=${options.locale}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async dispose() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
