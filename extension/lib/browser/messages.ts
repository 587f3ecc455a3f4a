import { browser } from 'wxt/browser';

/** What the background answers about a sync it ran for a message. */
export type SyncSummary = {
  /** `done`, `retry_later`, `signed_out`, `consent_required` or `no_session`. */
  outcome: string;
  pushed: number;
  /** When the next retry is due (ms since epoch), after a failure. */
  nextAttemptAt?: number;
};

/** What the background answers after capturing a report's evidence and syncing. */
export type CaptureSummary = SyncSummary & {
  /** How many evidence files were captured and stored. */
  files: number;
  /** Why some or all of the evidence is missing (storage/capture-state.ts's CaptureProblem). */
  problem?: string;
};

type Empty = Record<never, never>;

/**
 * Every message the popup (or the options page) sends the background: its payload and answer.
 * The popup reads and writes Dexie itself (saveReport, deleteReport, isAlreadyReported…); messages
 * only ask the background to act.
 */
export type MessageMap = {
  /** Sync now: the popup's "Submit all" or "Retry". */
  'sync-now': { payload: Empty; answer: SyncSummary };
  /** Pull the reviewers' decisions now, without pushing: the popup opened, or "Refresh". */
  'pull-now': { payload: Empty; answer: SyncSummary };
  /** The analyst opened the list: the outcomes are seen, the badge count goes. */
  'outcomes-seen': { payload: Empty; answer: Empty };
  /** A report was saved, edited or deleted: sync it, refresh the badge and the link menu. */
  'report-saved': { payload: { reportId: string }; answer: SyncSummary };
  /** The analyst accepted the current policy (after `POST /api/consent` succeeded). */
  'consent-given': { payload: { policyVersion: string }; answer: SyncSummary };
  /**
   * A report was saved waiting for its evidence: capture it from its tab (the popup may close
   * meanwhile), then sync. Answers what was captured and how the sync went.
   */
  'capture-evidence': {
    payload: { reportId: string; tabId: number; windowId?: number };
    answer: CaptureSummary;
  };
  /** The analyst signed in (after `setSession`): sync and fetch statuses and known URLs. */
  'signed-in': { payload: Empty; answer: SyncSummary };
};
export type MessageType = keyof MessageMap;
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['payload'];

/**
 * Sends a message to the background and returns its answer, or undefined when the background
 * could not answer (the alarms will catch up: nothing depends on the message arriving).
 */
export async function sendMessage<K extends MessageType>(
  type: K,
  ...[payload]: keyof MessageMap[K]['payload'] extends never
    ? [payload?: MessageMap[K]['payload']]
    : [payload: MessageMap[K]['payload']]
): Promise<MessageMap[K]['answer'] | undefined> {
  try {
    return (await browser.runtime.sendMessage({ type, ...payload })) as MessageMap[K]['answer'];
  } catch {
    return undefined;
  }
}

/** The background's handler of each message. */
export type MessageHandlers = {
  [K in MessageType]: (message: Message<K>) => Promise<MessageMap[K]['answer']>;
};

/** Routes incoming messages to the background's handlers; other messages are left alone. */
export function listenForMessages(handlers: MessageHandlers): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const type = (message as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const handle = handlers[type as MessageType] as (m: unknown) => Promise<unknown>;
    return handle(message);
  });
}
