import type { Geography } from '#shared/schemas/report';
import type { Availability, Language, Openness, ResourceType, Topic } from '#shared/taxonomy';
import type { MetaEntry, WebTaggerDb } from './db';
import { readRecords } from './local-db';

/** The form values the analyst used last, to pre-fill the next report. */
export type LastUsedValues = {
  resourceType: ResourceType;
  languages: Language[];
  geography: Geography;
  openness: Openness;
  availability: Availability;
  topics: Topic[];
};

/** Retry state of the sync engine; it lives here so it survives the worker being stopped. */
export type Backoff = {
  /** Consecutive failed attempts. */
  failures: number;
  /** When the next attempt is due, ms since epoch. */
  nextAttemptAt: number;
  /** The error code of the last failure. */
  reason: string;
};

/** How a sync run ended, for the popup. */
export type LastSync = { at: number; outcome: string; pushed: number };

/** Everything the `meta` table holds, by key. */
export type MetaValues = {
  lastUsed: LastUsedValues;
  /** How many reports the analyst created per topic (the link menu offers the most used). */
  topicUsage: Partial<Record<Topic, number>>;
  /** The topics the link menu currently offers. */
  menuTopics: Topic[];
  /** The highest outbox seq sent so far (see outbox-queries.ts). */
  sentUpTo: number;
  /** The reports of the batches on their way to the server (sending.ts). */
  sending: string[];
  pullCursor: string;
  knownUrlsCursor: string;
  /** The server and account the cursors and known URLs belong to. */
  syncScope: { serverUrl: string; userId: string };
  backoff: Backoff;
  /** Set when the server refused a push for lack of consent to this policy version. */
  consentRequired: { policyVersion?: string; at: number };
  /** How the last run that pushed ended: the review list's status line speaks of the queue. */
  lastSync: LastSync;
  /** How the last run of any kind ended, a pull alone too (the popup's "offline" clears on it). */
  lastRun: LastSync;
  /**
   * Reports whose review status (or the reviewers' comment) changed since the analyst last opened
   * the list: the badge counts them, the list shows them as new.
   */
  unseenStatus: string[];
};
export type MetaKey = keyof MetaValues;

/** A value of the meta table. */
export async function getMeta<K extends MetaKey>(
  db: WebTaggerDb,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const entry = await db.meta.get(key);
  return entry?.value as MetaValues[K] | undefined;
}

/** Stores a value of the meta table. */
export async function setMeta<K extends MetaKey>(
  db: WebTaggerDb,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

/** Removes a value of the meta table. */
export async function deleteMeta(db: WebTaggerDb, key: MetaKey): Promise<void> {
  await db.meta.delete(key);
}

/**
 * Values of the meta table by key (drafts included), read without Dexie for the popup's first
 * paint: undefined where there is none. Not for use inside a Dexie transaction.
 */
export async function readMetaValues(dbName: string, keys: string[]): Promise<unknown[]> {
  const entries = (await readRecords(dbName, 'meta', keys)) as (MetaEntry | undefined)[];
  return entries.map((entry) => entry?.value);
}

/** `readMetaValues` for keys of `MetaValues`, each value typed as stored. */
export async function readMeta<const K extends readonly MetaKey[]>(
  dbName: string,
  keys: K,
): Promise<{ -readonly [I in keyof K]: MetaValues[K[I]] | undefined }> {
  return (await readMetaValues(dbName, [...keys])) as {
    -readonly [I in keyof K]: MetaValues[K[I]] | undefined;
  };
}
