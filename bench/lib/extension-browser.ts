import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { ExtensionBrowser } from '../../e2e/support/browser';
import { ensureChromium } from '../../e2e/support/chromium';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Headless Chromium with a built extension loaded from `extensionDir`, on a fresh profile: the
 * flags of the browser tests (e2e/support/browser.ts), which load `.output/chrome-mv3` only.
 */
export async function launchExtension(extensionDir: string): Promise<ExtensionBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'webtagger-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
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
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    worker,
    async dispose() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Extension modules bundled (esbuild, from the sources the build is made of) for evaluation in an
 * extension page, as `globalThis.webtaggerBench`: `exports` maps each name to its module, e.g.
 * `{ saveReport: './extension/lib/reports' }`. They work on the extension's own IndexedDB.
 */
export async function extensionModules(exports: Record<string, string>): Promise<string> {
  const { build } = await import('esbuild');
  const names = Object.keys(exports);
  const result = await build({
    stdin: {
      contents: [
        ...names.map((name) => `import { ${name} } from '${exports[name]}';`),
        `globalThis.webtaggerBench = { ${names.join(', ')} };`,
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/**
 * An extension page (the options page: nothing on it touches the reports) with `bundle`
 * evaluated in it. The page's content security policy governs its own scripts, not evaluation
 * through the DevTools protocol.
 */
export async function extensionPageWith(browser: ExtensionBrowser, bundle: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.evaluate(bundle);
  return page;
}
