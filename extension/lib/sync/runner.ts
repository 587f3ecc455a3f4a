import { type Browser, browser } from 'wxt/browser';
import { getDeviceId, getSession, markSignInNeeded, type Session } from '../browser/session';
import type { WebTaggerDb } from '../storage/db';
import { deleteMeta, getMeta, setMeta } from '../storage/meta';
import { anySending } from '../storage/sending';
import { type ApiClient, createApiClient } from './api-client';
import { RETRY_POLICY, retryDelay } from './backoff';
import { type DrainOutcome, drainOutbox, recoverInterrupted, stopFor } from './engine';
import { pruneOrphanEvidence } from './evidence-upload';
import { syncKnownUrls } from './known-urls';
import { countUnseen, pullStatuses } from './status-pull';

/** The alarm of the next retry after a failure (its time comes from the backoff). */
export const SYNC_RETRY_ALARM = 'sync-retry';
/**
 * The alarm that pulls statuses and known URLs and drains the outbox now and then, so that the
 * reviewers' decisions come back while the browser is online, not only after a save.
 */
export const SYNC_PERIODIC_ALARM = 'sync-periodic';
export const PERIODIC_SYNC_MINUTES = 15;
/**
 * The key in `browser.storage.local` of another period, in minutes (a deployment that wants news
 * sooner, browser tests); the browser runs alarms at most every 30 seconds.
 */
export const SYNC_PERIOD_KEY = 'syncPeriodMinutes';
const MIN_PERIOD_MINUTES = 0.5;

/** Whether an alarm is one of the sync engine's. */
export const isSyncAlarm = (name: string) =>
  name === SYNC_RETRY_ALARM || name === SYNC_PERIODIC_ALARM;

export type SyncResult = {
  outcome: DrainOutcome['kind'] | 'no_session';
  pushed: number;
  pulled: number;
  knownUrls: number;
  /** Reports whose outcome (review status, reviewers' comment) came back unseen by this run. */
  newlyUnseen: number;
  /** When the next retry is due, after a failure. */
  nextAttemptAt?: number;
  /** Nothing was tried: a retry is scheduled for later (see `unlessWaiting`). */
  waiting?: boolean;
};

type AlarmsApi = {
  create(name: string, info: Browser.alarms.AlarmCreateInfo): Promise<void>;
  clear(name: string): Promise<boolean>;
  get(name: string): Promise<unknown>;
};

export type RunnerDeps = {
  db: WebTaggerDb;
  getSession(): Promise<Session | undefined>;
  markSignInNeeded(): Promise<void>;
  getDeviceId(): Promise<string>;
  createClient(serverUrl: string): ApiClient;
  alarms: AlarmsApi;
  now(): number;
  random(): number;
  /** The period of the periodic sync in minutes, when configured (`SYNC_PERIOD_KEY`). */
  periodMinutes?(): Promise<number | undefined>;
  /** Runs after every sync (badges, menus); its failures do not fail the sync. */
  afterSync?(result: SyncResult): Promise<void>;
};

/**
 * The sync engine's scheduler: one run at a time however many triggers arrive (a trigger during a
 * run asks for one more run after it), retries on an alarm after failures with growing delays.
 * Everything that must outlive the service worker (backoff, cursors, flags) is in Dexie.
 */
export function createSyncRunner(deps: RunnerDeps) {
  let running: Promise<SyncResult> | undefined;
  /** A trigger that came during a run; `unlessWaiting` only if every such trigger said so. */
  let requested: { unlessWaiting: boolean } | undefined;

  /**
   * Pulls statuses and known URLs without pushing (the popup opening, its "Refresh"). A run under
   * way pulls too: the caller joins it.
   */
  function pullNow(): Promise<SyncResult> {
    return running ?? start(() => runOnce(false, true));
  }

  /**
   * Runs a sync now, or joins the one running (which then runs once more). With
   * `unlessWaiting`, as after a save, nothing is tried while a retry is scheduled for later: the
   * server was unreachable a moment ago, and the retry alarm will come.
   */
  function syncNow(options: { unlessWaiting?: boolean } = {}): Promise<SyncResult> {
    const unlessWaiting = options.unlessWaiting === true;
    if (running) {
      requested = { unlessWaiting: (requested?.unlessWaiting ?? true) && unlessWaiting };
      return running;
    }
    return start(() => runOnce(unlessWaiting));
  }

  /**
   * Runs `first`, then once more for the triggers that came meanwhile, whatever its outcome: such
   * a trigger may bring what that run could not see (a save during a pull, the network back while
   * a failing attempt was on its way, a capture that ended). One that said `unlessWaiting` still
   * waits for the retry a failed run scheduled.
   */
  function start(first: () => Promise<SyncResult>): Promise<SyncResult> {
    running = (async () => {
      let result = await first();
      while (requested) {
        const next = requested;
        requested = undefined;
        result = await runOnce(next.unlessWaiting);
      }
      return result;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function runOnce(unlessWaiting: boolean, pullOnly = false): Promise<SyncResult> {
    const nothing = { pushed: 0, pulled: 0, knownUrls: 0, newlyUnseen: 0 };
    const session = await deps.getSession();
    if (!session || session.needsSignIn) {
      return { outcome: session ? 'signed_out' : 'no_session', ...nothing };
    }
    const { db } = deps;
    const backoff = unlessWaiting ? await getMeta(db, 'backoff') : undefined;
    if (backoff && backoff.nextAttemptAt > deps.now()) {
      return {
        outcome: 'retry_later',
        ...nothing,
        nextAttemptAt: backoff.nextAttemptAt,
        waiting: true,
      };
    }
    await adoptScope(db, session);
    await recoverInterrupted(db);
    const base = { db, client: deps.createClient(session.serverUrl), token: session.token };
    let outcome: DrainOutcome = pullOnly
      ? { kind: 'done', pushed: 0 }
      : await drainOutbox({
          ...base,
          deviceId: await deps.getDeviceId(),
          now: deps.now,
        }).catch((error: unknown) => stopOn(error));
    const result: SyncResult = { ...nothing, outcome: outcome.kind, pushed: pushedOf(outcome) };
    const unseenBefore = await countUnseen(db);
    // Reading statuses and known URLs needs no consent, only a valid session and a reachable server.
    if (outcome.kind === 'done' || outcome.kind === 'consent_required') {
      try {
        result.pulled = await pullStatuses(base);
        result.knownUrls = await syncKnownUrls(base);
      } catch (error) {
        const stop = stopOn(error, result.pushed);
        if (
          stop.kind === 'signed_out' ||
          (stop.kind === 'retry_later' && outcome.kind === 'done')
        ) {
          outcome = stop;
        }
      }
    }
    result.outcome = outcome.kind;
    result.newlyUnseen = Math.max(0, (await countUnseen(db)) - unseenBefore);
    // A pull alone says nothing of the outbox: its retries and flags stay as they were.
    if (!pullOnly) result.nextAttemptAt = await settle(outcome);
    else if (outcome.kind === 'signed_out') await deps.markSignInNeeded();
    const last = { at: deps.now(), outcome: outcome.kind, pushed: result.pushed };
    await setMeta(db, 'lastRun', last);
    // A pull alone does not overwrite what the last push said of the queue (files waiting, a retry).
    if (!pullOnly) await setMeta(db, 'lastSync', last);
    await pruneOrphanEvidence(db, deps.now());
    await deps.afterSync?.(result).catch(() => undefined);
    return result;
  }

  /** Records what the outcome means for the next attempt; returns when a retry is due. */
  async function settle(outcome: DrainOutcome): Promise<number | undefined> {
    const { db } = deps;
    if (outcome.kind === 'retry_later' && outcome.reason === 'capturing') {
      // Not a failure: the capture's end asks for a sync itself. The alarm only covers a worker
      // stopped mid-capture (the capture is then given up), and the backoff does not grow.
      if (outcome.pushed > 0) await deleteMeta(db, 'backoff');
      const nextAttemptAt = deps.now() + RETRY_POLICY.baseMs;
      await deps.alarms.create(SYNC_RETRY_ALARM, { when: nextAttemptAt });
      return nextAttemptAt;
    }
    if (outcome.kind === 'retry_later') {
      const failures = ((await getMeta(db, 'backoff'))?.failures ?? 0) + 1;
      const nextAttemptAt = deps.now() + retryDelay(failures, deps.random, outcome.retryAfterMs);
      await setMeta(db, 'backoff', { failures, nextAttemptAt, reason: outcome.reason });
      await deps.alarms.create(SYNC_RETRY_ALARM, { when: nextAttemptAt });
      return nextAttemptAt;
    }
    await deleteMeta(db, 'backoff');
    await deps.alarms.clear(SYNC_RETRY_ALARM);
    if (outcome.kind === 'signed_out') await deps.markSignInNeeded();
    if (outcome.kind === 'consent_required') {
      await setMeta(db, 'consentRequired', {
        policyVersion: outcome.policyVersion,
        at: deps.now(),
      });
    } else {
      await deleteMeta(db, 'consentRequired');
    }
    return undefined;
  }

  /**
   * Makes sure the alarms exist (they may not survive a browser restart): the periodic one always,
   * a retry one while anything is queued. Called whenever the worker starts.
   */
  async function ensureSchedule(): Promise<void> {
    const configured = await deps.periodMinutes?.().catch(() => undefined);
    const period =
      configured && configured > 0
        ? Math.max(configured, MIN_PERIOD_MINUTES)
        : PERIODIC_SYNC_MINUTES;
    const periodic = (await deps.alarms.get(SYNC_PERIODIC_ALARM)) as
      | { periodInMinutes?: number }
      | undefined;
    if (periodic?.periodInMinutes !== period) {
      await deps.alarms.create(SYNC_PERIODIC_ALARM, {
        delayInMinutes: period,
        periodInMinutes: period,
      });
    }
    const soon = deps.now() + 1_000;
    // A batch left on its way means a run was cut short (the worker was stopped): resume now
    // rather than at the backoff time, which was set before that run started.
    if (await anySending(deps.db)) {
      await deps.alarms.create(SYNC_RETRY_ALARM, { when: soon });
      return;
    }
    const queued = await deps.db.outbox.count();
    if (queued > 0 && !(await deps.alarms.get(SYNC_RETRY_ALARM))) {
      const due = (await getMeta(deps.db, 'backoff'))?.nextAttemptAt ?? 0;
      await deps.alarms.create(SYNC_RETRY_ALARM, { when: Math.max(soon, due) });
    }
  }

  return { syncNow, pullNow, ensureSchedule };
}
export type SyncRunner = ReturnType<typeof createSyncRunner>;

/** Like `stopFor`, but a local failure (a bug, a full disk) is retried later too, not thrown. */
function stopOn(error: unknown, pushed = 0): DrainOutcome {
  try {
    return stopFor(error, pushed);
  } catch {
    return { kind: 'retry_later', pushed, reason: 'local_error' };
  }
}

const pushedOf = (outcome: DrainOutcome) =>
  outcome.kind === 'done' || outcome.kind === 'retry_later' ? outcome.pushed : 0;

/** Cursors and known URLs belong to one server and account: start over when they change. */
async function adoptScope(db: WebTaggerDb, session: Session) {
  const scope = await getMeta(db, 'syncScope');
  if (scope?.serverUrl === session.serverUrl && scope.userId === session.user.id) return;
  await db.transaction('rw', db.knownUrls, db.meta, async () => {
    await db.knownUrls.clear();
    await deleteMeta(db, 'pullCursor');
    await deleteMeta(db, 'knownUrlsCursor');
    await setMeta(db, 'syncScope', { serverUrl: session.serverUrl, userId: session.user.id });
  });
}

/** What the background's entrypoint gives the runner: the database, the network, the clock. */
export type BackgroundSyncDeps = Pick<RunnerDeps, 'db' | 'now' | 'random'> & {
  fetch: typeof fetch;
};

/** The runner of the background, on the extension's database and the browser's alarms. */
export function createBackgroundSyncRunner(
  deps: BackgroundSyncDeps,
  afterSync?: RunnerDeps['afterSync'],
): SyncRunner {
  return createSyncRunner({
    db: deps.db,
    getSession,
    markSignInNeeded,
    getDeviceId,
    createClient: (serverUrl) => createApiClient(serverUrl, deps.fetch),
    alarms: {
      create: (name, info) => browser.alarms.create(name, info),
      clear: (name) => browser.alarms.clear(name),
      get: (name) => browser.alarms.get(name),
    },
    now: deps.now,
    random: deps.random,
    periodMinutes: async () => {
      const stored = (await browser.storage.local.get(SYNC_PERIOD_KEY))[SYNC_PERIOD_KEY];
      return typeof stored === 'number' ? stored : undefined;
    },
    afterSync,
  });
}
