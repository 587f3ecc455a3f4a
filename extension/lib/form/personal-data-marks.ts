import type { PersonalDataKind } from '#shared/personal-data/types';

/** A finding's place in a text: UTF-16 offsets, `end` exclusive. */
export type MarkedRange = { kind: PersonalDataKind; start: number; end: number };

/** A run of text, marked when it is personal data of the given kind. */
export type Segment = { text: string; kind?: PersonalDataKind };

/**
 * Cuts a text into plain and marked runs. Ranges that fall outside the text (the text changed
 * since they were found) are clipped, empty or overlapping ones skipped, so any input renders.
 */
export function markSegments(text: string, ranges: readonly MarkedRange[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(range.start, 0);
    const end = Math.min(range.end, text.length);
    if (end <= start || start < at) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), kind: range.kind });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** The marked fragments of a text, in order: what the warning lists by kind. */
export function markedFragments(
  text: string,
  ranges: readonly MarkedRange[],
): { kind: PersonalDataKind; fragment: string }[] {
  return markSegments(text, ranges).flatMap((segment) =>
    segment.kind ? [{ kind: segment.kind, fragment: segment.text }] : [],
  );
}
