/** The prefix of the sync engine's entries on the worker's performance timeline. */
export const SYNC_PHASE_PREFIX = 'webtagger:sync:';

/**
 * The phases of a drain that the offline-queue benchmark (targets.md P3) tells apart: the
 * database's work (reading a batch, marking it sent, storing the answers) and the push itself
 * (request, the server's work, the answer read).
 */
export type SyncPhase = 'read' | 'mark' | 'push' | 'store';

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
