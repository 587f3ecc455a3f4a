/** The prefix of the sync engine's entries on the worker's performance timeline. */
export const SYNC_PHASE_PREFIX = 'webtagger:sync:';

/**
 * The phases of a drain that the offline-queue benchmarks (targets.md P3, P9) tell apart: the
 * database's work (reading a batch, marking it sent, storing the answers), the push itself
 * (request, the server's work, the answer read) and an evidence file's upload (read, sent, marked).
 */
export type SyncPhase = 'read' | 'mark' | 'push' | 'store' | 'upload';

/**
 * Runs one phase of a drain and records it as a performance measure (`webtagger:sync:<phase>`)
 * on the worker's own timeline, where the benchmark reads it: a few entries per batch, gone when
 * the worker stops.
 */
export async function timed<T>(phase: SyncPhase, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    performance.measure(`${SYNC_PHASE_PREFIX}${phase}`, { start });
  }
}
