import type { ErrorCode } from '#shared/schemas/errors';
import { MAX_PUSH_MUTATIONS } from '#shared/schemas/sync';
import { firstAwaitingCapture, giveUpStaleCaptures } from '../storage/capture-state';
import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { markSentUpTo, moveBatchStates, moveStates } from '../storage/outbox-queries';
import { type ApiClient, ApiClientError, type PushResult } from './api-client';
import { createEvidenceUploader } from './evidence-upload';
import { timed } from './phase-timing';
import { applyResults } from './push-results';

export type DrainOutcome =
  | { kind: 'done'; pushed: number }
  | { kind: 'retry_later'; pushed: number; reason: string; retryAfterMs?: number }
  | { kind: 'signed_out'; reason: 'unauthorized' | 'account_blocked' }
  | { kind: 'consent_required'; policyVersion?: string };

/** What stops a drain: the outcomes other than `done`. */
export type DrainStop = Exclude<DrainOutcome, { kind: 'done' }>;

export type DrainDeps = {
  db: WebTaggerDb;
  client: ApiClient;
  token: string;
  deviceId: string;
  now(): number;
  /** Mutations per push (the server takes at most 500). */
  batchSize?: number;
};

/**
 * Pushes the outbox in order, in batches, until it is empty or the server cannot take more now.
 * An entry goes only once the evidence files it names are uploaded: the files of a batch upload
 * several at once, and the entries from the first whose files are all done are pushed while the
 * rest upload. An entry whose evidence is still being captured, and those after it, wait for the
 * capture to end (or to be given up). Entries leave the outbox only once the server has
 * answered for them, so a crash or a lost answer means the same mutation (same id, same payload)
 * is sent again and the server answers `duplicate`. While one batch is on its way, the answers to
 * the previous one are stored; the server still receives the batches one after another, in order.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const batchSize = Math.min(deps.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
  let pushed = 0;
  let incomplete = false;
  let answered: { batch: OutboxEntry[]; results: PushResult[] } | undefined;
  const store = async () => {
    if (!answered) return;
    const { batch, results } = answered;
    answered = undefined;
    const count = await timed('store', () => applyResults(deps.db, batch, results));
    pushed += count;
    // Entries the server did not answer stay queued; asking again at once would loop.
    if (count < batch.length) incomplete = true;
  };
  let after = 0;
  await giveUpStaleCaptures(deps.db, deps.now());
  // Entries from the first one whose evidence is still being captured wait for that capture.
  const capturing = await firstAwaitingCapture(deps.db);
  const uploads = createEvidenceUploader(deps);
  for (;;) {
    const batch = await timed('read', () =>
      deps.db.outbox
        .where('seq')
        .between(after, capturing ?? Number.POSITIVE_INFINITY, false, false)
        .limit(batchSize)
        .toArray(),
    );
    if (batch.length === 0 || incomplete) {
      await store();
      if (incomplete) return unanswered(pushed);
      return capturing === undefined
        ? { kind: 'done', pushed }
        : { kind: 'retry_later', pushed, reason: 'capturing' };
    }
    let storing: Promise<void> = Promise.resolve();
    let sent = batch;
    try {
      sent = await uploads.readyPrefix(batch);
      await timed('mark', () => markAttempted(deps.db, sent));
      const sending = timed('push', () =>
        deps.client.push(deps.token, {
          deviceId: deps.deviceId,
          mutations: sent.map((entry) => entry.mutation),
        }),
      );
      // The previous batch's answers are stored while this one is on its way.
      storing = store();
      storing.catch(() => undefined); // observed below, after the answer
      const { results } = await sending;
      await storing;
      answered = { batch: sent, results };
    } catch (error) {
      await storing.catch(() => undefined);
      // The previous batch's answers, when this one failed before it left (an upload failed).
      await store();
      const refusal = permanentRefusal(error);
      if (refusal) {
        // Sending these again would get the same answer (api.md): show them as refused now; the
        // analyst's "Retry" queues them anew once an admin has changed the account.
        const results = sent.map((entry) => ({ id: entry.mutation.id, ...refusal }));
        pushed += await applyResults(deps.db, sent, results);
        after = sent.at(-1)!.seq!;
        continue;
      }
      await settleSyncing(deps.db, sent);
      return stopFor(error, pushed);
    }
    after = sent.at(-1)!.seq!;
  }
}

const unanswered = (pushed: number): DrainStop => ({
  kind: 'retry_later',
  pushed,
  reason: 'bad_response',
});

/**
 * Refusals of a whole push that sending it again cannot change (api.md): the account's role may
 * not send reports, or the request itself is malformed. Each of the batch's mutations takes it as
 * its answer.
 */
const PERMANENT_REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'forbidden',
  'account_pending',
  'validation_failed',
  'payload_too_large',
]);

function permanentRefusal(
  error: unknown,
): { status: 'rejected'; code: ErrorCode; message: string } | undefined {
  if (!(error instanceof ApiClientError) || !PERMANENT_REFUSALS.has(error.code)) return undefined;
  return { status: 'rejected', code: error.code as ErrorCode, message: error.message };
}

/** How a failed call ends a drain; errors that are not the server's answer are rethrown. */
export function stopFor(error: unknown, pushed: number): DrainStop {
  if (!(error instanceof ApiClientError)) throw error;
  if (error.code === 'unauthorized' || error.code === 'account_blocked') {
    return { kind: 'signed_out', reason: error.code };
  }
  if (error.code === 'consent_required') {
    const details = error.details as { policyVersion?: string } | undefined;
    return { kind: 'consent_required', policyVersion: details?.policyVersion };
  }
  // Anything else (network, 5xx, 429, a refusal of the whole batch) is tried again later, with
  // growing delays: reports are never dropped because the server could not take them now.
  return {
    kind: 'retry_later',
    pushed,
    reason: error.code,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
  };
}

/** Before a batch leaves: its entries count as sent from now on, its reports are syncing. */
async function markAttempted(db: WebTaggerDb, batch: OutboxEntry[]) {
  await db.transaction('rw', db.reports, db.meta, async () => {
    await markSentUpTo(db, Math.max(...batch.map((entry) => entry.seq!)));
    await moveBatchStates(db, batch, 'pending', 'syncing');
  });
}

/** After a failed push the reports go back to pending: they are still queued. */
async function settleSyncing(db: WebTaggerDb, batch: OutboxEntry[]) {
  await moveBatchStates(db, batch, 'syncing', 'pending');
}

/** Reports left `syncing` by a run that was cut short (the worker was stopped) are pending. */
export async function recoverInterrupted(db: WebTaggerDb): Promise<number> {
  const ids = await db.reports.where('state').equals('syncing').primaryKeys();
  return moveStates(db, ids, 'syncing', 'pending');
}
