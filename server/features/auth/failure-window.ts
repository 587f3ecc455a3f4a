import type { LimitStore } from '../../storage/limits-store';

/**
 * Where failed attempts are counted, per key. The limiters only need these three questions
 * answered, so the counts may live in this process (`inMemoryFailureLog`) or in the database
 * every replica shares (`storedFailureLog`).
 */
export type FailureLog = {
  /** Failures of the key still inside the window at `now`. */
  count(key: string, now: Date): Promise<number>;
  /** Seconds until the key is under its limit again; 0 when it is under it now. */
  retryAfterSeconds(key: string, now: Date): Promise<number>;
  /** Counts one failure of the key. */
  record(key: string, now: Date): Promise<void>;
};

/** The sliding window of one process, synchronous. */
export type FailureWindow = {
  [K in keyof FailureLog]: (
    ...args: Parameters<FailureLog[K]>
  ) => Awaited<ReturnType<FailureLog[K]>>;
};

/** A failure log held in this process's memory (see `createFailureWindow`). */
export function inMemoryFailureLog(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): FailureLog {
  const window = createFailureWindow(options);
  return {
    count: async (key, now) => window.count(key, now),
    retryAfterSeconds: async (key, now) => window.retryAfterSeconds(key, now),
    record: async (key, now) => window.record(key, now),
  };
}

/**
 * Counts failures per key over a sliding window: a key that reached its limit waits until its
 * oldest counted failure leaves the window. Nothing but time takes a failure back. Held in memory
 * (a restart forgets, which only helps a locked-out user); the number of keys is capped so that a
 * spray of addresses cannot exhaust memory.
 */
export function createFailureWindow(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}): FailureWindow {
  const { limit, windowMs, maxKeys = 100_000 } = options;
  // Per key: the times (ms) of its latest failures, oldest first, at most `limit` of them.
  const byKey = new Map<string, number[]>();

  const live = (key: string, now: number): number[] => {
    const times = byKey.get(key);
    if (!times) return [];
    const fresh = times.filter((t) => t > now - windowMs);
    if (fresh.length === 0) byKey.delete(key);
    else if (fresh.length !== times.length) byKey.set(key, fresh);
    return fresh;
  };

  return {
    count: (key, now) => live(key, now.getTime()).length,
    retryAfterSeconds(key, now) {
      const times = live(key, now.getTime());
      const oldest = times.length >= limit ? times[times.length - limit] : undefined;
      if (oldest === undefined) return 0;
      return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    },
    record(key, now) {
      const times = live(key, now.getTime());
      times.push(now.getTime());
      byKey.delete(key); // re-inserted last, so eviction drops the keys idle the longest
      byKey.set(key, times.slice(-limit));
      for (const stale of byKey.keys()) {
        if (byKey.size <= maxKeys) break;
        byKey.delete(stale);
      }
    },
  };
}

/**
 * A failure log kept by the storage, shared by every process on the database: the same sliding
 * window as `createFailureWindow`, counted from the stored failures of the key.
 */
export function storedFailureLog(
  limits: LimitStore,
  log: string,
  options: { limit: number; windowMs: number },
): FailureLog {
  const { limit, windowMs } = options;
  const since = (now: Date) => new Date(now.getTime() - windowMs).toISOString();
  const recent = (key: string, now: Date) => limits.failures(log, key, since(now), limit);
  return {
    count: async (key, now) => (await recent(key, now)).length,
    async retryAfterSeconds(key, now) {
      const times = await recent(key, now);
      const oldest = times.length >= limit ? times[limit - 1] : undefined;
      if (oldest === undefined) return 0;
      return Math.max(1, Math.ceil((Date.parse(oldest) + windowMs - now.getTime()) / 1000));
    },
    record: (key, now) => limits.recordFailure(log, key, now.toISOString(), since(now)),
  };
}
