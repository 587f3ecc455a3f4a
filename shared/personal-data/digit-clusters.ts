/** A run of consecutive ASCII digits: UTF-16 offsets, `end` exclusive. */
export type DigitRun = { start: number; end: number };

/** Digit runs joined by single separators, as in `010903 689329` or `4400-8792-1742-1804`. */
export type DigitCluster = {
  start: number;
  end: number;
  runs: DigitRun[];
  /** separators[i] is the character between runs[i] and runs[i + 1]. */
  separators: string[];
};

/** Spaces (including the no-break ones that copy-paste brings) and the hyphen. */
function isSeparatorCode(code: number): boolean {
  return code === 0x20 || code === 0x2d || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

// The IIN and card detectors scan the same text one after the other; the second reuses the scan.
let lastText: string | null = null;
let lastClusters: readonly DigitCluster[] = [];

/** Finds every maximal group of digit runs joined by exactly one space or hyphen, in one pass. */
export function findDigitClusters(text: string): readonly DigitCluster[] {
  if (text !== lastText) {
    lastClusters = scanDigitClusters(text);
    lastText = text;
  }
  return lastClusters;
}

function scanDigitClusters(text: string): DigitCluster[] {
  const clusters: DigitCluster[] = [];
  let current: DigitCluster | null = null;
  let i = 0;
  while (i < text.length) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
    const run = { start, end: i };
    const joined = current !== null && current.end === start - 1;
    if (current && joined) {
      current.separators.push(text[start - 1]!);
      current.runs.push(run);
      current.end = i;
    } else {
      current = { start, end: i, runs: [run], separators: [] };
      clusters.push(current);
    }
    // Only a single separator followed by a digit continues the cluster.
    if (!(isSeparatorCode(text.charCodeAt(i)) && isDigitCode(text.charCodeAt(i + 1)))) {
      current = null;
    }
  }
  return clusters;
}

/** A window of consecutive runs of one cluster: runs[first..last] inclusive. */
export type RunWindow = { first: number; last: number; start: number; end: number };

/** Every window of at most `maxRuns` consecutive runs whose digits number between `min` and `max`. */
export function runWindows(
  cluster: DigitCluster,
  min: number,
  max: number,
  maxRuns: number,
): RunWindow[] {
  const windows: RunWindow[] = [];
  const { runs } = cluster;
  for (let first = 0; first < runs.length; first++) {
    let count = 0;
    for (let last = first; last < runs.length && last - first < maxRuns; last++) {
      count += runs[last]!.end - runs[last]!.start;
      if (count > max) break;
      if (count >= min) {
        windows.push({ first, last, start: runs[first]!.start, end: runs[last]!.end });
      }
    }
  }
  return windows;
}

/** The digits of a window, without separators. */
export function windowDigits(text: string, cluster: DigitCluster, window: RunWindow): string {
  let digits = '';
  for (let k = window.first; k <= window.last; k++) {
    const run = cluster.runs[k]!;
    digits += text.slice(run.start, run.end);
  }
  return digits;
}
