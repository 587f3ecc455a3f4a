// `npm run build:server`: the server compiled to one JavaScript file that plain `node` runs, with
// the files it reads at run time beside it. Packages stay in the repository's node_modules, which
// node finds from the output folder inside the repository.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
export const SERVER_OUTDIR = join(ROOT, '.output', 'server');

/**
 * Each module that reads files finds them through its own `import.meta.dirname`; in the bundle that
 * is the output folder, so the files are copied there under the same relative paths.
 */
const RUNTIME_FILES = [
  ['server/db/migrations', 'migrations'],
  ['server/db/pg-migrations', 'pg-migrations'],
  ['server/features/consent/policy', 'policy'],
  ['server/site/static', 'static'],
] as const;

/** Builds `main.mjs` (the server, with the chunk it loads) into `outdir`, replacing what was there; returns its path. */
export async function buildServer(outdir = SERVER_OUTDIR): Promise<string> {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'server/main.ts')],
    outdir,
    outExtension: { '.js': '.mjs' },
    // main.mjs applies the heap settings, then imports the server: in a chunk of its own, so that
    // its packages load after the settings hold.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Positions only: node keeps every map it loads (--enable-source-maps), and the sources in
    // them were about 15 MB of the server's memory.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  });
  for (const [from, to] of RUNTIME_FILES) {
    cpSync(join(ROOT, from), join(outdir, to), { recursive: true });
  }
  return join(outdir, 'main.mjs');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outfile = await buildServer();
  process.stdout.write(`Server built: ${outfile}\n`);
}
