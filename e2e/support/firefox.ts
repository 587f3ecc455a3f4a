import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');

const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';
/** Where Debian's firefox-esr-l10n-kk puts the Kazakh language pack. */
const KAZAKH_LANGPACK =
  '/usr/lib/firefox-esr/browser/extensions/langpack-kk@firefox-esr.mozilla.org.xpi';
const PACKAGES = ['firefox-esr', 'firefox-esr-l10n-kk'];

/** The Firefox binary browser tests drive: $FIREFOX_PATH, else Debian's firefox-esr. */
export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return existsSync(DEBIAN_FIREFOX) ? DEBIAN_FIREFOX : undefined;
}

/** Debian's Firefox is driven with its Kazakh language pack, which the Kazakh UI test needs. */
function isComplete(firefox: string | undefined): firefox is string {
  return firefox !== undefined && (firefox !== DEBIAN_FIREFOX || existsSync(KAZAKH_LANGPACK));
}

/**
 * Finds Firefox (with the Kazakh language pack), installing Debian's packages when this process
 * may (root with apt-get); otherwise fails with what to do. Browser tests are never skipped.
 */
export function ensureFirefox(): string {
  const found = findFirefox();
  if (isComplete(found)) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stdout.write(`Installing Debian's ${PACKAGES.join(' and ')} for the browser tests…\n`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findFirefox();
    if (isComplete(installed)) return installed;
  }
  throw new Error(
    [
      'The Firefox browser tests need Firefox ESR with its Kazakh language pack, and it was not found.',
      `Install them (Debian/Ubuntu: \`sudo apt-get install -y ${PACKAGES.join(' ')}\`) or point`,
      'FIREFOX_PATH at a Firefox binary that has the Kazakh language pack, then run `npm test` again.',
    ].join('\n'),
  );
}

/** The add-on id the Firefox build declares (wxt.config.ts). */
function addonId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

export type FirefoxWithExtension = {
  browser: Browser;
  /** The extension's origin, `moz-extension://<uuid>`, the same on every launch. */
  origin: string;
  /** A tab showing one of the extension's pages, where tests call the extension's APIs. */
  control: Page;
  dispose(): Promise<void>;
};

/** Just what page-side code of the Firefox tests uses of the DOM (the e2e project has no DOM types). */
export type PageGlobals = {
  location: { href: string };
  document: { readyState: string };
};

/**
 * Opens a page of the extension in `page`. Over WebDriver BiDi, navigating to a moz-extension://
 * page never reports its load, so the navigation is not awaited: the page is polled until it shows
 * that address, loaded.
 */
export async function gotoExtensionPage(page: Page, url: string, timeout = 20_000): Promise<void> {
  page.goto(url).catch(() => undefined);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const state = await page
      .evaluate(() => {
        const { location, document } = globalThis as unknown as PageGlobals;
        return { href: location.href, readyState: document.readyState };
      })
      .catch(() => undefined);
    if (state?.href === url && state.readyState === 'complete') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load within ${timeout} ms`);
}

/** Fixed, so that the extension's pages have known addresses. */
const EXTENSION_UUID = '3f0c2a8e-5b7d-4e61-9a4c-7d2b1e6f0a35';

/**
 * Launches Firefox headless on a fresh profile, in the UI language `locale` (default English), with
 * the built extension (`.output/firefox-mv2`) installed as a temporary add-on.
 */
export async function launchFirefoxWithExtension(
  options: { locale?: string; extensionDir?: string } = {},
): Promise<FirefoxWithExtension> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: true,
    // Without it WebDriver BiDi does not reach moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({
        [addonId(extensionDir)]: EXTENSION_UUID,
      }),
      // The UI language; any but English needs its language pack (Debian's firefox-esr-l10n-*).
      'intl.locale.requested': options.locale ?? 'en-US',
      // puppeteer's profile points Firefox's own services (updates, telemetry, add-on store,
      // remote settings) at an unresolvable host; these checks would go out too.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const origin = `moz-extension://${EXTENSION_UUID}`;
  try {
    await browser.installExtension(extensionDir);
    const control = await browser.newPage();
    await gotoExtensionPage(control, `${origin}/options.html`);
    return { browser, origin, control, dispose: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
