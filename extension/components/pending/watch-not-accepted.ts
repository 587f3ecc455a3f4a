import { liveQuery } from 'dexie';
import type { WebTaggerDb } from '@/lib/storage/db';
import { countNotAccepted } from '@/lib/storage/pending-query';

/**
 * Calls `onCount` with how many reports are not yet accepted, and again whenever that changes (the
 * sync engine moving reports between states in the background); returns how to stop.
 */
export function watchNotAccepted(db: WebTaggerDb, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => countNotAccepted(db)).subscribe({
    next: onCount,
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
