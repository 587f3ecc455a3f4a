import { LIMITS } from '#shared/schemas/report';
import { canonicalUrl } from '#shared/url-key';

/** Why a line of a pasted list is not saved (each has its message in every UI language). */
export type UrlLineProblem = 'not_url' | 'not_http' | 'too_long' | 'duplicate';

export type UrlLine = { line: number; text: string };
export type ValidUrlLine = UrlLine & { url: string; key: string };
export type InvalidUrlLine = UrlLine & {
  problem: UrlLineProblem;
  /** For a duplicate: the line that names the same page first. */
  sameAs?: number;
};

export type ParsedUrlList = { valid: ValidUrlLine[]; invalid: InvalidUrlLine[] };

/**
 * Reads a pasted list, one URL per line (1-based line numbers as the analyst sees them). Blank
 * lines are skipped. A line is valid when it is an http(s) URL that url-key.md can canonicalise;
 * a second line naming the same page (the same URL key) is a duplicate, not a second report.
 */
export function parseUrlList(text: string): ParsedUrlList {
  const valid: ValidUrlLine[] = [];
  const invalid: InvalidUrlLine[] = [];
  const firstLineOf = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (!trimmed) return;
    const problem = problemOf(trimmed);
    if (problem) {
      invalid.push({ line, text: raw, problem });
      return;
    }
    const key = canonicalUrl(trimmed);
    const sameAs = firstLineOf.get(key);
    if (sameAs !== undefined) {
      invalid.push({ line, text: raw, problem: 'duplicate', sameAs });
      return;
    }
    firstLineOf.set(key, line);
    valid.push({ line, text: raw, url: trimmed, key });
  });
  return { valid, invalid };
}

function problemOf(text: string): UrlLineProblem | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not_http';
  if (text.length > LIMITS.urlLength) return 'too_long';
  try {
    canonicalUrl(text);
  } catch {
    return 'not_url';
  }
  return undefined;
}

/**
 * What stays in the box after the valid lines were saved: the lines that were not, as typed, so
 * nothing is lost and each can be fixed in place. A duplicate goes with the line it repeats: its
 * page was saved, and left in the box it would be saved a second time.
 */
export function unsavedText(parsed: ParsedUrlList): string {
  return parsed.invalid
    .filter((line) => line.problem !== 'duplicate')
    .map((line) => line.text)
    .join('\n');
}

/** How many lines repeat a page of an earlier line (not saved twice). */
export function duplicateCount(parsed: ParsedUrlList): number {
  return parsed.invalid.filter((line) => line.problem === 'duplicate').length;
}
