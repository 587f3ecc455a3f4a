import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Storage } from '../../storage';
import { type DestructionAct, runRetention } from './retention-service';

const DAY_MS = 86_400_000;

export type RetentionSchedule = {
  /** Runs retention now (unless a run is under way); answers what it destroyed. */
  runNow(): Promise<DestructionAct | undefined>;
  stop(): void;
};

/**
 * Runs retention shortly after start and then daily. The timers never keep the process alive,
 * and a failed run is logged and retried at the next tick. Of several server processes on one
 * database, the one that claims the day's run runs it (a run destroys all that is due, so a day
 * whose run failed is caught up by the next); `runNow` runs whatever the others did.
 */
export function startRetentionSchedule(
  deps: {
    storage: Storage;
    config: Pick<Config, 'retentionDays' | 'pendingDays'>;
    logger: Logger;
    now: () => Date;
  },
  timing: { firstRunMs: number; everyMs: number } = { firstRunMs: 60_000, everyMs: DAY_MS },
): RetentionSchedule {
  let running: Promise<DestructionAct | undefined> | undefined;
  let stopped = false;
  const runNow = () => {
    if (stopped) return Promise.resolve(undefined);
    running ??= runRetention(deps.storage, {
      now: deps.now(),
      retentionDays: deps.config.retentionDays,
      pendingDays: deps.config.pendingDays,
    })
      .then((act) => {
        if (act.userIds.length > 0) {
          deps.logger.info('retention destroyed personal data', {
            accounts: act.userIds.length,
            files: act.files,
          });
        }
        return act;
      })
      .catch((err: unknown) => {
        deps.logger.error('retention failed', {
          error: err instanceof Error ? err.name : 'unknown',
        });
        return undefined;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const owner = randomUUID();
  const scheduled = async () => {
    const now = deps.now();
    const day = now.toISOString().slice(0, 10);
    try {
      if (await deps.storage.retention.claimRun(day, owner, now.toISOString())) await runNow();
    } catch (err) {
      deps.logger.error('retention failed', { error: err instanceof Error ? err.name : 'unknown' });
    }
  };
  const first = setTimeout(scheduled, timing.firstRunMs);
  const daily = setInterval(scheduled, timing.everyMs);
  first.unref();
  daily.unref();
  return {
    runNow,
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(daily);
    },
  };
}
