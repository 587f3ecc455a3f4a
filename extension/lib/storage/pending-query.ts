import Dexie from 'dexie';
import type { LocalReport, LocalState, WebTaggerDb } from './db';
import { showSending } from './sending';

/** The sections of the review list, each a set of local states, newest first within. */
export const REVIEW_SECTIONS = {
  rejected: ['rejected'],
  waiting: ['pending', 'syncing'],
  sent: ['synced'],
} as const satisfies Record<string, readonly LocalState[]>;
export type ReviewSection = keyof typeof REVIEW_SECTIONS;

/**
 * The newest `limit` reports in some states, read through the `[state+updatedAt]` index: the cost
 * depends on `limit`, not on how many reports are cached (targets.md P4). Pending reports of a
 * batch on its way read as `syncing`.
 */
export async function newestInStates(
  db: WebTaggerDb,
  states: readonly LocalState[],
  limit: number,
): Promise<LocalReport[]> {
  const perState = await Promise.all(
    states.map((state) => inState(db, state).reverse().limit(limit).toArray()),
  );
  const newest = perState
    .flat()
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, limit);
  return showSending(db, newest);
}

/** The reports in one state, through the `[state+updatedAt]` index. */
export function inState(db: WebTaggerDb, state: LocalState) {
  return db.reports
    .where('[state+updatedAt]')
    .between([state, Dexie.minKey], [state, Dexie.maxKey]);
}

/** How many reports are in some states (index counts, no records read). */
export async function countInStates(
  db: WebTaggerDb,
  states: readonly LocalState[],
): Promise<number> {
  const counts = await Promise.all(states.map((state) => inState(db, state).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/** How many reports are not yet accepted by the server: the number on the review tab. */
export function countNotAccepted(db: WebTaggerDb): Promise<number> {
  return countInStates(db, [...REVIEW_SECTIONS.rejected, ...REVIEW_SECTIONS.waiting]);
}
