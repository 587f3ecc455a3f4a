import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { popupGraph } from '../../e2e/support/popup-graph';
import { builtExtension } from '../lib/extension-build';
import type { Measure } from '../lib/measure';
import { round } from '../lib/stats';

/** What servers and stores compress with at most; level 6 (zlib's default) is noted too. */
const GZIP_LEVEL = 9;
const KB = 1000;

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
