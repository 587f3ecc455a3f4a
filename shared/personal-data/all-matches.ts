/**
 * The matches of a global pattern in a text, in order, like `text.matchAll(pattern)` but without
 * its copy of the pattern: V8 runs each new copy in its slow regexp interpreter until it warms up,
 * so on the detectors' large patterns matchAll costs several times the search itself. The position
 * is kept here rather than in `lastIndex`, so a caller may use the same pattern between matches.
 */
export function* allMatches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  let from = 0;
  while (from <= text.length) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) return;
    // An empty match moves on by one, as matchAll does.
    from = match.index + (match[0].length || 1);
    yield match;
  }
}
