import type { AppDeps } from '../../http/env';
import { catchUpCustody } from './custody-service';
import { evidencePath, readIfPresent, sha256Hex, timestampPath, writeOnce } from './evidence-files';
import { TimestampError } from './timestamp-error';
import { requestTimestamp, trustedTsaCertificates } from './tsa-client';

type JobDeps = Pick<AppDeps, 'storage' | 'config' | 'logger'>;

const BATCH = 50;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;
// A run holds the files it claimed this long: enough for a whole batch of attempts, each bounded
// by the client's time-out. A run that died gives its files back when the lease runs out.
const CLAIM_MS = 30 * 60_000;

/** How long to wait before the next attempt after `attempts` failures: doubling, capped. */
export const retryDelay = (attempts: number) =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);

/**
 * Obtains, verifies and keeps an RFC 3161 token for every stored evidence file that has none and
 * is due. Safe to run on a schedule and on several processes at once: each run claims the files
 * it tries, so no file is sent to the authority twice at once; a token once kept is never
 * replaced, files are written once, and custody records each stamp once.
 */
export async function stampDueEvidence(
  deps: JobDeps,
  now: Date,
): Promise<{ stamped: number; failed: number }> {
  const tsa = deps.config.tsa;
  if (!tsa) return { stamped: 0, failed: 0 };
  const { storage } = deps;
  const { dataDir } = storage;
  const { verifyTimestampResponse } = await import('./timestamp-token');
  const trust = await trustedTsaCertificates(tsa.caFile);
  let stamped = 0;
  let failed = 0;
  const claimed = await storage.evidence.claimDueForTimestamp({
    now,
    leaseUntil: new Date(now.getTime() + CLAIM_MS),
    limit: BATCH,
  });
  for (const due of claimed) {
    try {
      const data = await readIfPresent(evidencePath(dataDir, due.sha256));
      if (!data || sha256Hex(data) !== due.sha256) {
        throw new TimestampError('the stored file is missing or does not match its hash');
      }
      const { response, nonce } = await requestTimestamp(tsa.url, due.sha256);
      const token = await verifyTimestampResponse(response, data, {
        trusted: trust.certificates,
        nonce,
      });
      await writeOnce(timestampPath(dataDir, due.sha256), response);
      // Another run may have kept a token first: custody and the row name the one on disk.
      const kept = (await readIfPresent(timestampPath(dataDir, due.sha256))) ?? response;
      const keptToken = Buffer.from(response).equals(kept)
        ? token
        : await verifyTimestampResponse(kept, data, { trusted: trust.certificates });
      await storage.evidence.recordTimestamp({
        sha256: due.sha256,
        genTime: keptToken.genTime.toISOString(),
        tokenSha256: sha256Hex(kept),
        tsaUrl: tsa.url,
        at: now,
      });
      await catchUpCustody(storage, await storage.evidence.materialsReferencing(due.sha256), now);
      stamped++;
    } catch (err) {
      failed++;
      const error = err instanceof TimestampError ? err.message : 'the attempt failed';
      await storage.evidence.recordTimestampFailure({
        sha256: due.sha256,
        error,
        nextAttemptAt: new Date(now.getTime() + retryDelay(due.attempts + 1)),
      });
      deps.logger.warn('time-stamp failed', { sha256: due.sha256, error });
    }
  }
  return { stamped, failed };
}

/**
 * Runs `stampDueEvidence` every `everyMs` and soon after `kick()` (a new upload); one run at a
 * time, a kick during a run asks for another.
 */
export function startTimestampSchedule(deps: JobDeps & Pick<AppDeps, 'now'>, everyMs = 60_000) {
  let running = false;
  let again = false;
  let stopped = false;
  const run = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await stampDueEvidence(deps, deps.now());
      } while (again && !stopped);
    } catch (err) {
      deps.logger.error('time-stamp run failed', {
        error: err instanceof Error ? err.message : String(err),
      });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    kick: () => void setImmediate(run),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    /** Resolves once no run is in progress (for shutdown and tests). */
    async idle() {
      while (running) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
