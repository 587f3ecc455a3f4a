import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The server compiled to one JavaScript file (esbuild, packages left to node_modules), to run with
 * plain `node` and compare with running the TypeScript through tsx. Files read at run time stay
 * where they are: each module's `import.meta.dirname` becomes its source folder.
 */
export async function serverBundle(): Promise<string> {
  const { build } = await import('esbuild');
  // Inside the repository, so that the bundle finds the packages in node_modules.
  const outdir = join(ROOT, 'node_modules', '.cache', 'webtagger-bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'server.mjs');
  await build({
    entryPoints: [join(ROOT, 'server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'silent',
    plugins: [
      {
        name: 'source-dirname',
        setup(esbuild) {
          esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => ({
            contents: (await readFile(args.path, 'utf8')).replaceAll(
              'import.meta.dirname',
              JSON.stringify(dirname(args.path)),
            ),
            loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          }));
        },
      },
    ],
  });
  return outfile;
}
