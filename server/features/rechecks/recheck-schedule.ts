import { randomUUID } from 'node:crypto';
import type { ReviewStatus } from '#shared/review-status';
import type { Logger } from '../../logger';
import { type RecheckDeps, recheckTarget } from './recheck-service';

export type RecheckSchedule = {
  /** Claims one batch of due checks and runs them; answers how many ran. */
  runOnce(): Promise<number>;
  stop(): void;
};

export type RecheckScheduleOptions = {
  /** Ticks this often; 0 starts no timer (the caller drives runOnce). */
  tickMs: number;
  /** How many due checks one tick claims. */
  batch: number;
  /** How long a claim holds: a process that dies mid-batch gives its checks back after it. */
  leaseMs: number;
};

/**
 * Runs the scheduled re-checks of materials in the statuses that have an interval. Each tick claims
 * a batch under a lease (recheck-store), so that several processes on one database share the work
 * and each due check runs once; a check that fails to run gives its claim back.
 */
export function startRecheckSchedule(
  deps: RecheckDeps & { logger: Logger },
  options: RecheckScheduleOptions,
): RecheckSchedule {
  const owner = randomUUID();
  const statuses = Object.keys(deps.intervals) as ReviewStatus[];
  let running: Promise<number> | undefined;
  let stopped = false;

  const tick = async () => {
    const now = deps.now();
    const claimed = await deps.storage.rechecks.claimDue({
      now,
      leaseUntil: new Date(now.getTime() + options.leaseMs),
      owner,
      statuses,
      limit: options.batch,
    });
    await Promise.all(
      claimed.map((target) =>
        recheckTarget(deps, target, { trigger: 'scheduled', userId: null }).catch(
          async (err: unknown) => {
            deps.logger.error('re-check failed', {
              error: err instanceof Error ? err.name : 'unknown',
            });
            await deps.storage.rechecks.releaseLease(target.id, owner);
          },
        ),
      ),
    );
    return claimed.length;
  };
  const runOnce = () => {
    if (stopped) return Promise.resolve(0);
    running ??= tick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer =
    options.tickMs > 0
      ? setInterval(() => {
          runOnce().catch((err: unknown) =>
            deps.logger.error('re-check schedule failed', {
              error: err instanceof Error ? err.name : 'unknown',
            }),
          );
        }, options.tickMs)
      : undefined;
  timer?.unref();
  return {
    runOnce,
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
