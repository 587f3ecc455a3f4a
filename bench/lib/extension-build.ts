import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, ROOT } from './content-hash';

/** What the Chrome build is made of: a change to any of these means a new build. */
const SOURCES = ['extension', 'shared', 'wxt.config.ts', 'package-lock.json'];

// WXT reports each file it writes; a benchmark only wants to hear about problems.
const quietLogger = {
  debug() {},
  log() {},
  info() {},
  success() {},
  warn: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
  error: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
  fatal: (...args: unknown[]) => process.stderr.write(`${args.join(' ')}\n`),
  level: 1,
};

/**
 * The Chrome extension as `wxt build -b chrome` makes it from the current sources, built into the
 * bench cache (one build per state of the sources) rather than into `.output/`, which browser tests
 * use. With `testHosts`, the test build (`npm run build:chrome:test`): host permissions for those
 * patterns, standing in for the `activeTab` grant of a click on the toolbar button. Returns the
 * folder to load (the one holding `manifest.json`).
 */
export async function builtExtension(
  cacheDir: string,
  progress: (m: string) => void,
  options: { testHosts?: string } = {},
) {
  const kind = options.testHosts ? 'extension-chrome-test' : 'extension-chrome';
  const folder = join(cacheDir, `${kind}-${contentHash(SOURCES, options.testHosts)}`);
  const extension = join(folder, 'chrome-mv3');
  if (existsSync(join(extension, 'manifest.json'))) return extension;
  const scratch = `${folder}.building-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  progress('building the Chrome extension (wxt build, once per state of the sources)');
  const began = performance.now();
  const { build } = await import('wxt');
  // wxt.config.ts reads the test hosts from the environment when it loads.
  if (options.testHosts) process.env.WEBTAGGER_TEST_HOSTS = options.testHosts;
  await build({
    root: ROOT,
    browser: 'chrome',
    outDir: scratch,
    outDirTemplate: 'chrome-mv3',
    logger: quietLogger,
  });
  progress(`built in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(scratch, folder);
  // Builds of earlier states of the sources are not needed again.
  for (const name of readdirSync(cacheDir)) {
    const stale =
      new RegExp(`^${kind}-[0-9a-f]{12}$`).test(name) && join(cacheDir, name) !== folder;
    if (stale) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
  return extension;
}
