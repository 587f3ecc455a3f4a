/**
 * Bounded concurrency across all re-checks and per-host politeness: one request in flight per host,
 * and a minimum pause between the end of one and the start of the next. Measured from the end, the
 * pause holds at the host however long connecting took, so a thousand materials on one platform
 * never reach it closer together than the interval.
 */
export type RecheckGate = {
  /** Runs `task` once the host's turn has come and a slot is free. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
};

type HostTurns = { ready: Promise<void>; lastEnd: number; pending: number };

export function createRecheckGate(options: {
  concurrency: number;
  perHostIntervalMs: number;
}): RecheckGate {
  const hosts = new Map<string, HostTurns>();
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
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    async run(host, task) {
      const turns = hosts.get(host) ?? { ready: Promise.resolve(), lastEnd: 0, pending: 0 };
      hosts.set(host, turns);
      turns.pending++;
      // The host's requests queue behind each other; a global slot is taken only once it is this
      // request's turn, so waiting for a busy host never holds a slot another host could use.
      const previous = turns.ready;
      let done!: () => void;
      turns.ready = new Promise<void>((resolve) => {
        done = resolve;
      });
      await previous;
      const wait = turns.lastEnd + options.perHostIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      await acquire();
      try {
        return await task();
      } finally {
        turns.lastEnd = Date.now();
        release();
        done();
        // An idle host needs no memory once its interval has passed; the next request starts anew.
        if (--turns.pending === 0) {
          setTimeout(() => {
            if (turns.pending === 0 && hosts.get(host) === turns) hosts.delete(host);
          }, options.perHostIntervalMs).unref();
        }
      }
    },
  };
}
