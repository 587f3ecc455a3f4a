import { vocabularyFingerprint } from '../../features/review/facet-masks';
import { applyChanges, CATCH_UP_STEP } from '../review-projection';
import type { SqliteHandles } from './handles';
import { type ProjectionStore, projectionStore } from './projection-store';

/**
 * The read model behind the reviewers' queue and the statistics follows the reports by their
 * change numbers: every change of a report (push, deletion, a status decision) gives it a new
 * number, so everything past the model's position is what it has not seen yet. It catches up on
 * demand, in bounded steps, each a short write transaction.
 */

const POSITION = 'change';
const VOCABULARY = 'vocabulary';

/** Brings the read model up to date, yielding to other requests between steps. */
export async function refreshReviewProjection(
  storage: Pick<SqliteHandles, 'sqlite'>,
  step = CATCH_UP_STEP,
): Promise<void> {
  while (!catchUpStep(storage, step)) await new Promise((resolve) => setImmediate(resolve));
}

/** One bounded step of catching up; true once the read model is up to date. */
export function catchUpStep(storage: Pick<SqliteHandles, 'sqlite'>, step = CATCH_UP_STEP): boolean {
  const store = projectionStore(storage.sqlite);
  if (isCurrent(store)) return true;
  return storage.sqlite
    .transaction(() => {
      if (store.stateOf(VOCABULARY) !== vocabularyFingerprint()) restart(store);
      const from = Number(store.stateOf(POSITION) ?? 0);
      const target = store.changeCounter();
      if (from >= target) return true;
      const upto = Math.min(target, from + step);
      applyChanges(store, store.changedReports(from, upto));
      store.setState(POSITION, upto);
      return upto >= target;
    })
    .immediate();
}

function isCurrent(store: ProjectionStore): boolean {
  return (
    store.stateOf(VOCABULARY) === vocabularyFingerprint() &&
    Number(store.stateOf(POSITION) ?? 0) >= store.changeCounter()
  );
}

/** Masks made with other vocabularies mean nothing: start again from the first change. */
function restart(store: ProjectionStore): void {
  store.clear();
  store.setState(POSITION, 0);
  store.setState(VOCABULARY, vocabularyFingerprint());
}

export { CATCH_UP_STEP, dayOf } from '../review-projection';
