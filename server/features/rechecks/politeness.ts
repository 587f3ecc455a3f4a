/**
 * Bounded concurrency across all re-checks and a minimum interval between two requests to the
 * same host, so that a thousand materials on one platform do not hit it a thousand times at once.
 */
export type RecheckGate = {
  /** Runs `task` once the host's turn has come and a slot is free. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
};

export function createRecheckGate(options: {
  concurrency: number;
  perHostIntervalMs: number;
}): RecheckGate {
  const nextTurn = new Map<string, number>();
  const waiting: (() => void)[] = [];
  let active = 0;

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (active < options.concurrency) {
        active++;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  const forgetPast = (now: number) => {
    // Hosts whose turn has passed need no memory: the map stays as small as the busy hosts.
    for (const [host, at] of nextTurn) if (at <= now) nextTurn.delete(host);
  };

  return {
    async run(host, task) {
      const now = Date.now();
      if (nextTurn.size > 10_000) forgetPast(now);
      const turn = Math.max(now, nextTurn.get(host) ?? 0);
      nextTurn.set(host, turn + options.perHostIntervalMs);
      if (turn > now) await new Promise((resolve) => setTimeout(resolve, turn - now));
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
