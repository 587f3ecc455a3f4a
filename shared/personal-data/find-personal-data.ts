import { detectAddresses } from './home-address';
import { detectNumbers } from './numbers';
import { detectNames } from './person-name';
import type { Detector, Finding } from './types';

const DETECTORS: readonly Detector[] = [detectNumbers, detectNames, detectAddresses];

/** Finds third-party personal data in user-entered text: sorted by start, never overlapping. */
export function findPersonalData(text: string): Finding[] {
  if (!text) return [];
  const all: Finding[] = [];
  for (const detect of DETECTORS) {
    const found = detect(text);
    if (found.length > 0) all.push(...found);
  }
  // Most notes hold nothing: no ranking to do.
  return all.length > 0 ? resolveOverlaps(all) : all;
}

/**
 * Keeps the findings that do not overlap: the longer span wins, then the more certain one,
 * so an address that contains a house number is kept whole rather than split.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const byStart = [...findings].sort((a, b) => a.start - b.start);
  const kept: Finding[] = [];
  // Findings that overlap nothing are kept as they are; only a group of findings joined by
  // overlaps needs ranking, and no finding outside the group can overlap one inside it.
  let first = 0;
  while (first < byStart.length) {
    let end = byStart[first]!.end;
    let next = first + 1;
    while (next < byStart.length && byStart[next]!.start < end) {
      end = Math.max(end, byStart[next]!.end);
      next++;
    }
    if (next === first + 1) kept.push(byStart[first]!);
    else kept.push(...rankWithin(byStart.slice(first, next)));
    first = next;
  }
  return kept;
}

/** The greedy choice within one group of overlapping findings, in text order. */
function rankWithin(group: Finding[]): Finding[] {
  const ranked = group.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (b.confidence ?? 1) - (a.confidence ?? 1) ||
      a.start - b.start,
  );
  // Kept findings never overlap, so sorted by start they are also sorted by end: a binary search
  // finds the only neighbours a candidate could overlap.
  const kept: Finding[] = [];
  for (const finding of ranked) {
    const at = firstEndingAfter(kept, finding.start);
    const next = kept[at];
    if (next && next.start < finding.end) continue;
    kept.splice(at, 0, finding);
  }
  return kept;
}
/** The index of the first kept finding that ends after `offset` (or the length). */
function firstEndingAfter(kept: Finding[], offset: number): number {
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (kept[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
