/** How the sync engine waits between failed attempts. */
export const RETRY_POLICY = {
  /** The delay after the first failure (Chrome may round alarms of packed builds up to 30 s). */
  baseMs: 5_000,
  /** The longest wait between attempts. */
  capMs: 15 * 60_000,
  /** A Retry-After longer than this is not trusted further. */
  maxRetryAfterMs: 60 * 60_000,
} as const;

/**
 * The delay before the next attempt after `failures` consecutive failures: exponential, capped,
 * with "equal jitter" (half fixed, half random) so that delays still grow from one failure to the
 * next while many browsers do not retry in step. A Retry-After from the server is a floor.
 */
export function retryDelay(failures: number, random: () => number, retryAfterMs?: number): number {
  const exponential = Math.min(
    RETRY_POLICY.capMs,
    RETRY_POLICY.baseMs * 2 ** Math.max(0, failures - 1),
  );
  const jittered = exponential / 2 + (random() * exponential) / 2;
  const floor =
    retryAfterMs === undefined
      ? 0
      : Math.min(Math.max(0, retryAfterMs), RETRY_POLICY.maxRetryAfterMs);
  return Math.round(Math.max(jittered, floor));
}
