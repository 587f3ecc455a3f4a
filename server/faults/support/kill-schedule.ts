import type { SpawnedServer } from '../../testing/spawned-server';
import type { MutationAnswer } from './retrying-client';
import { sleep } from './seeded';

/**
 * The answers a push got, as they arrive from every client. While a killed server is starting
 * again, clients get their in-flight batches answered elsewhere but start no new one: otherwise a
 * fast push on a second replica can finish before the schedule's kills have all happened.
 */
export class AnswerTally {
  /** Each mutation's answer: `applied` once it was, else the last one (a retry's `duplicate`). */
  readonly answers = new Map<string, MutationAnswer['status']>();
  answered = 0;
  duplicates = 0;
  private restarting: Promise<unknown> = Promise.resolve();

  readonly onAnswered = (results: MutationAnswer[]): Promise<unknown> => {
    for (const result of results) {
      if (!this.answers.has(result.id) || result.status === 'applied')
        this.answers.set(result.id, result.status);
      if (result.status === 'duplicate') this.duplicates++;
    }
    this.answered += results.length;
    return this.restarting;
  };

  /** Holds clients' next batches until `restart` settles. */
  holdDuring<T>(restart: Promise<T>): Promise<T> {
    this.restarting = restart.catch(() => undefined);
    return restart;
  }
}

/**
 * Kills `server` with SIGKILL and starts it again `kills` times during a push: each after a
 * random number (below `within`) of answers counted in `tally`, plus a random delay, so that some
 * kills land while a batch's transaction is open. `finish()` stops the schedule and tells how
 * many kills it made.
 */
export function killAtRandomMoments(
  server: Pick<SpawnedServer, 'stop' | 'restart'>,
  random: () => number,
  { kills: count, within, tally }: { kills: number; within: number; tally: AnswerTally },
): { finish(): Promise<number> } {
  const killAt = Array.from({ length: count }, () => Math.floor(random() * within)).sort(
    (a, b) => a - b,
  );
  let done = false;
  let kills = 0;
  const killer = (async () => {
    for (const threshold of killAt) {
      while (!done && tally.answered < threshold) await sleep(5);
      if (done) return;
      await sleep(random() * 40);
      await tally.holdDuring(
        (async () => {
          await server.stop('SIGKILL');
          kills++;
          await restarted(server);
        })(),
      );
    }
  })();
  return {
    async finish() {
      done = true;
      await killer;
      return kills;
    },
  };
}

/** Starts the server again; on a loaded machine a start may miss its deadline, and is retried. */
async function restarted(server: Pick<SpawnedServer, 'restart'>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await server.restart();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}
