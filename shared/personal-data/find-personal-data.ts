import { detectAddresses } from './home-address';
import { detectNumbers } from './numbers';
import { detectNames } from './person-name';
import type { Detector, Finding } from './types';

const DETECTORS: readonly Detector[] = [detectNumbers, detectNames, detectAddresses];

/** Finds third-party personal data in user-entered text: sorted by start, never overlapping. */
export function findPersonalData(text: string): Finding[] {
  if (!text) return [];
  const all = DETECTORS.flatMap((detect) => detect(text));
  return resolveOverlaps(all);
}

/**
 * Keeps the findings that do not overlap: the longer span wins, then the more certain one,
 * so an address that contains a house number is kept whole rather than split.
 */
export function resolveOverlaps(findings: Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (b.confidence ?? 1) - (a.confidence ?? 1) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const finding of ranked) {
    if (kept.every((other) => finding.end <= other.start || finding.start >= other.end)) {
      kept.push(finding);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
