import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { ensureChromium, HEADLESS_ARGS } from './chromium';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  dispose(): Promise<void>;
};

/**
 * Launches Debian's Chromium headless with the built extension (`.output/chrome-mv3`, or
 * `extensionDir`) loaded, on a fresh profile — or on `profileDir`, to start the same browser again
 * (that folder is then the caller's to remove).
 */
export async function launchWithExtension(
  options: { locale?: string; profileDir?: string; extensionDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'webtagger-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    locale: options.locale,
    args: [
      ...HEADLESS_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
