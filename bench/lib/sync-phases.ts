import type { Worker } from '@playwright/test';
import { SYNC_PHASE_PREFIX, type SyncPhase } from '../../extension/lib/sync/phase-timing';
import { round } from './stats';

type Span = { name: string; startTime: number; duration: number };

/** Forgets the sync phases the worker has timed so far (before the timed part of a measure). */
export function clearSyncPhases(worker: Worker): Promise<void> {
  return worker.evaluate(() => performance.clearMeasures());
}

/** How long the drain spent in each of its phases, and how long in the database or the push. */
export type SyncBreakdown = {
  /** Per phase: how many times it ran and its summed duration, seconds. */
  phases: Partial<Record<SyncPhase, { count: number; seconds: number }>>;
  /** Seconds during which the database was busy with the drain (phases overlap: union of spans). */
  indexedDbSeconds: number;
  /** Seconds during which a push was on its way (request, the server's work, the answer read). */
  networkSeconds: number;
  /** Seconds during which an evidence file was uploading (read, sent, marked). */
  uploadSeconds: number;
};

/** Reads the drain's phases from the worker's performance timeline (sync/phase-timing.ts). */
export async function syncBreakdown(worker: Worker): Promise<SyncBreakdown> {
  const spans: Span[] = await worker.evaluate(
    (prefix) =>
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith(prefix))
        .map(({ name, startTime, duration }) => ({
          name: name.slice(prefix.length),
          startTime,
          duration,
        })),
    SYNC_PHASE_PREFIX,
  );
  const phases: SyncBreakdown['phases'] = {};
  for (const span of spans) {
    const name = span.name as SyncPhase;
    const phase = phases[name] ?? { count: 0, seconds: 0 };
    phase.count++;
    phase.seconds += span.duration / 1000;
    phases[name] = phase;
  }
  const database = new Set<string>(['read', 'mark', 'store'] satisfies SyncPhase[]);
  return {
    phases,
    indexedDbSeconds: unionSeconds(spans.filter((s) => database.has(s.name))),
    networkSeconds: unionSeconds(spans.filter((s) => s.name === 'push')),
    uploadSeconds: unionSeconds(spans.filter((s) => s.name === 'upload')),
  };
}

/**
 * The breakdown in words: `IndexedDB busy 6.5 s (read 3.6 s (21×), mark …, store …), a push on
 * its way 5.5 s (push 7.9 s (20×))` — each phase's summed time and count beside the unions.
 */
export function breakdownLine({ phases, indexedDbSeconds, networkSeconds }: SyncBreakdown) {
  const phase = (name: SyncPhase) =>
    `${name} ${round(phases[name]?.seconds ?? 0, 2)} s (${phases[name]?.count ?? 0}×)`;
  return `IndexedDB busy ${round(indexedDbSeconds, 2)} s (${phase('read')}, ${phase('mark')}, ${phase('store')}), a push on its way ${round(networkSeconds, 2)} s (${phase('push')})`;
}

/** The time covered by at least one of the spans, seconds. */
function unionSeconds(spans: Span[]): number {
  const sorted = [...spans].sort((a, b) => a.startTime - b.startTime);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const { startTime, duration } of sorted) {
    const stop = startTime + duration;
    if (stop <= end) continue;
    total += stop - Math.max(startTime, end);
    end = stop;
  }
  return total / 1000;
}
