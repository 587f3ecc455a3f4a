import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export type PopupGraph = { firstPaint: Set<string>; lazy: Set<string> };

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
export async function popupGraph(extension: string): Promise<PopupGraph> {
  const { init, parse } = await import('es-module-lexer');
  await init;
  const graph: PopupGraph = { firstPaint: new Set(), lazy: new Set() };
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
