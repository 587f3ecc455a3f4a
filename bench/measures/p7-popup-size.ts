import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtExtension } from '../lib/extension-build';
import type { Measure } from '../lib/measure';
import { round } from '../lib/stats';

/** What servers and stores compress with at most; level 6 (zlib's default) is noted too. */
const GZIP_LEVEL = 9;
const KB = 1000;

type Graph = { firstPaint: Set<string>; lazy: Set<string> };

/** The scripts popup.html loads itself: its module script and the modules it preloads. */
function entryScripts(html: string): string[] {
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const isScript = tag.startsWith('<script') && /type="module"/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    return (isScript || isPreload) && url ? [url.replace(/^\//, '')] : [];
  });
}

/**
 * The popup's chunks, from popup.html through the imports of each chunk: what its first paint
 * loads (static imports), and what it imports later (`import()`, and what those import).
 */
async function popupGraph(extension: string): Promise<Graph> {
  const { init, parse } = await import('es-module-lexer');
  await init;
  const graph: Graph = { firstPaint: new Set(), lazy: new Set() };
  const visit = (file: string, lazy: boolean) => {
    if (graph.firstPaint.has(file) || (lazy && graph.lazy.has(file))) return;
    graph.lazy.delete(file);
    (lazy ? graph.lazy : graph.firstPaint).add(file);
    const [imports] = parse(readFileSync(join(extension, file), 'utf8'));
    for (const { n: specifier, d } of imports) {
      // d: -1 a static import, ≥ 0 an import() (-2 is import.meta).
      if (!specifier?.endsWith('.js') || d === -2) continue;
      const target = relative(extension, join(extension, dirname(file), specifier));
      visit(target, lazy || d >= 0);
    }
  };
  for (const script of entryScripts(readFileSync(join(extension, 'popup.html'), 'utf8'))) {
    visit(script, false);
  }
  return graph;
}

/** A chunk's name without its folder and content hash (`chunks/gate-DO4jDgo6.js` is `gate`). */
const chunkName = (file: string) => file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '');

const gzipped = (extension: string, files: Iterable<string>, level: number) =>
  [...files].reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(extension, file)), { level }).length,
    0,
  );

/** P7: the popup's JavaScript as built for Chrome, gzipped chunk by chunk. */
export const measure: Measure = {
  id: 'P7',
  async run(ctx) {
    const extension = await builtExtension(ctx.cacheDir, ctx.progress);
    const { firstPaint, lazy } = await popupGraph(extension);
    const first = gzipped(extension, firstPaint, GZIP_LEVEL);
    const later = gzipped(extension, lazy, GZIP_LEVEL);
    const firstDefault = gzipped(extension, firstPaint, 6);
    const raw = [...firstPaint].reduce((s, f) => s + readFileSync(join(extension, f)).length, 0);
    const kb = (bytes: number) => round(bytes / KB, 3);
    const each = [...firstPaint]
      .map((f) => `${chunkName(f)} ${kb(gzipped(extension, [f], GZIP_LEVEL))}`)
      .join(', ');
    const lazyNames = [...lazy].map(chunkName).join(', ');
    ctx.progress(`first paint ${kb(first)} kB gzip, ${kb(first + later)} kB with lazy chunks`);
    return {
      value: first / KB,
      unit: 'kB',
      display: `${kb(first)} kB at first paint (${kb(first + later)} kB with lazy chunks)`,
      figures: { lazyKB: later / KB, totalKB: (first + later) / KB, rawKB: raw / KB },
      notes: [
        'The Chrome build (WXT `build`, browser chrome, of the current sources, into the bench cache rather than .output/).',
        "First paint: popup.html's module script and modulepreload links, and every chunk they import statically (read with es-module-lexer), each gzipped at",
        `level ${GZIP_LEVEL} by node:zlib and summed, kB = 1000 bytes: ${kb(first)} kB (${round(first / 1024, 3)} KiB; ${kb(firstDefault)} kB at zlib's default level 6;`,
        `${kb(raw)} kB before compression) — ${each}. Chunks the popup imports later with import() (${lazyNames}):`,
        `${lazy.size} chunks, ${kb(later)} kB more, ${kb(first + later)} kB in all. CSS is not counted.`,
      ],
    };
  },
};
