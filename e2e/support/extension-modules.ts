import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ExtensionBrowser } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Extension modules bundled (esbuild, from the sources the build is made of) for evaluation in a
 * page, as `globalThis.webtaggerBench`: `exports` maps each name to its module, e.g.
 * `{ saveReport: './extension/lib/storage/reports' }`. In an extension page they work on the extension's
 * own IndexedDB.
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
