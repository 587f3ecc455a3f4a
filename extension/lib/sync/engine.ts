import type { ErrorCode } from '#shared/schemas/errors';
import { MAX_PUSH_MUTATIONS } from '#shared/schemas/sync';
import { firstAwaitingCapture, giveUpStaleCaptures } from '../storage/capture-state';
import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { forgetSending, markSending, unmarkSending } from '../storage/sending';
import { type ApiClient, ApiClientError, type PushResult } from './api-client';
import { filesOfEntry, releaseEvidence, uploadDueFiles } from './evidence-upload';
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

/** Batches on their way at once: the next is read meanwhile, and marked once one is answered. */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Pushes the outbox in order, in batches, until it is empty or the server cannot take more now;
 * then uploads the evidence files of the reports the server has answered (evidence-upload.ts). A
 * file never holds a report back: a queue of reports with evidence is accepted as soon as one
 * without. An entry whose evidence is still being captured, and those after it, wait for the
 * capture to end (or to be given up). Entries leave the outbox only once the server has
 * answered for them, so a crash or a lost answer means the same mutation (same id, same payload)
 * is sent again and the server answers `duplicate`. Up to `BATCHES_IN_FLIGHT` batches are on
 * their way at once; a batch stops before an entry whose report has one on its way, so that the
 * server receives each report's mutations one after another, in order.
 */
export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const batchSize = Math.min(deps.batchSize ?? MAX_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS);
  let pushed = 0;
  let incomplete = false;
  /** The first failure of a batch: no more batches leave, and the drain ends with it. */
  let failure: { error: unknown } | undefined;
  /** Batches sent and not yet stored (their pushes on their way, or their answers being stored). */
  const inFlight = new Set<Promise<void>>();
  /** Pushes on their way (not yet answered): at most `BATCHES_IN_FLIGHT`. */
  const pushing = new Set<Promise<void>>();
  /** Reports with a mutation on its way. */
  const busy = new Set<string>();
  /** The evidence files of the entries answered: released once uploaded, when the drain ends. */
  const answeredFiles = new Set<string>();
  const answer = async (entries: OutboxEntry[], results: PushResult[]) => {
    const answered = await applyResults(deps.db, entries, results, deps.now());
    for (const entry of answered)
      for (const sha256 of filesOfEntry(entry)) answeredFiles.add(sha256);
    pushed += answered.length;
    return answered.length;
  };

  /**
   * Sending these again would get the same answer (api.md): show them as refused now; the
   * analyst's "Retry" queues them anew once an admin has changed the account.
   */
  const refuse = async (entries: OutboxEntry[], refusal: Refusal) => {
    await answer(
      entries,
      entries.map((entry) => ({ id: entry.mutation.id, ...refusal })),
    );
  };
  const send = (sent: OutboxEntry[]) => {
    for (const entry of sent) busy.add(entry.reportId);
    let answered!: () => void;
    const onItsWay = new Promise<void>((resolve) => {
      answered = () => {
        pushing.delete(onItsWay);
        resolve();
      };
    });
    pushing.add(onItsWay);
    const flight: Promise<void> = (async () => {
      try {
        const { results } = await timed('push', () =>
          deps.client.push(deps.token, {
            deviceId: deps.deviceId,
            mutations: sent.map((entry) => entry.mutation),
          }),
        );
        answered();
        // The drain marks the next batch first (in this task): its push leaves while this answer
        // is stored, instead of after it, as the two transactions touch the same tables.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const count = await timed('store', () => answer(sent, results));
        // Entries the server did not answer stay queued; asking again at once would loop.
        if (count < sent.length) incomplete = true;
      } catch (error) {
        const refusal = permanentRefusal(error);
        if (!refusal) failure ??= { error };
        answered();
        if (refusal) await refuse(sent, refusal);
        else await unmarkSending(deps.db, sent).catch(() => undefined);
      } finally {
        answered();
        for (const entry of sent) busy.delete(entry.reportId);
      }
    })().finally(() => inFlight.delete(flight));
    inFlight.add(flight);
  };

  let after = 0;
  await giveUpStaleCaptures(deps.db, deps.now());
  // Entries from the first one whose evidence is still being captured wait for that capture.
  const capturing = await firstAwaitingCapture(deps.db);
  const readAfter = (seq: number) =>
    timed('read', () =>
      deps.db.outbox
        .where('seq')
        .between(seq, capturing ?? Number.POSITIVE_INFINITY, false, false)
        .limit(batchSize)
        .toArray(),
    );
  /**
   * The next batch, read while the pushes are on their way and the database is idle, rather than
   * after an answer is stored, when it would wait for that transaction (markSending checks that
   * it is still queued as read).
   */
  let next: { after: number; batch: Promise<OutboxEntry[]> } | undefined;
  /** Whether another batch may leave: one answer at most is still being stored meanwhile. */
  const roomFor = () => pushing.size < BATCHES_IN_FLIGHT && inFlight.size <= BATCHES_IN_FLIGHT;
  while (!failure && !incomplete) {
    if (!roomFor()) {
      if (next?.after !== after) next = { after, batch: readAfter(after) };
      // A failed read is read again below, when the batch is needed.
      next.batch.catch(() => undefined);
      while (!roomFor()) await Promise.race(pushing.size >= BATCHES_IN_FLIGHT ? pushing : inFlight);
      if (failure || incomplete) break;
    }
    const batch = await (next?.after === after ? next.batch : readAfter(after));
    next = undefined;
    if (batch.length === 0) break;
    const clash = batch.findIndex((entry) => busy.has(entry.reportId));
    const ready = clash === -1 ? batch : batch.slice(0, clash);
    if (ready.length === 0) {
      // Its report's earlier mutation is on its way: the server must see them in order.
      await Promise.race(inFlight);
      continue;
    }
    // Changed since it was read (an edit replaced an entry): read it again.
    if (!(await timed('mark', () => markSending(deps.db, ready)))) continue;
    after = ready.at(-1)!.seq!;
    send(ready);
  }
  await Promise.all(inFlight);
  // The files due, this drain's and any an earlier one left (offline, the worker stopped).
  if (!failure) {
    const uploads = await uploadDueFiles(deps);
    for (const sha256 of uploads.done) answeredFiles.add(sha256);
    failure = uploads.failure;
  }
  // Once per drain rather than per batch: a file a thousand queued reports share is looked up
  // once, after the last of them is answered, instead of with each of their batches.
  await releaseEvidence(deps.db, answeredFiles);
  if (failure) return stopFor(failure.error, pushed);
  if (incomplete) return unanswered(pushed);
  return capturing === undefined
    ? { kind: 'done', pushed }
    : { kind: 'retry_later', pushed, reason: 'capturing' };
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

type Refusal = { status: 'rejected'; code: ErrorCode; message: string };

function permanentRefusal(error: unknown): Refusal | undefined {
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

/**
 * Forgets the batches a run that was cut short (the worker was stopped) left on their way: their
 * entries are still queued and go again. Returns whether there were any.
 */
export const recoverInterrupted = forgetSending;
