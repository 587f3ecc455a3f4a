import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The extension's already-reported decision (`isAlreadyReported` over its Dexie database) bundled
 * for a plain page, exposed as `globalThis.webtaggerBench`. esbuild comes with the build tools
 * (vite, tsx) already installed.
 */
export async function knownUrlsBundle(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    stdin: {
      contents: `
        import { isAlreadyReported } from './extension/lib/known-urls';
        import { WebTaggerDb } from './extension/lib/db';
        globalThis.webtaggerBench = { isAlreadyReported, WebTaggerDb };
      `,
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
