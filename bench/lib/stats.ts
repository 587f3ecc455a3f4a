/** The p-th percentile (0..100) of samples, by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds since an earlier `performance.now()`. */
export function msSince(start: number): number {
  return performance.now() - start;
}

/** A number with `digits` significant digits, for tables. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}
