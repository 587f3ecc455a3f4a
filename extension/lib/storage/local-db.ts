import type { WebTaggerDb } from './db';

/** The name of the extension's one database (Dexie's in db.ts). */
export const DB_NAME = 'webtagger';

/**
 * The extension's database as the popup holds it: its first paint reads a few records by name
 * with IndexedDB itself (`readRecords`), and Dexie, most of the popup's code, loads only when
 * something is written or queried (targets.md P4).
 */
export type LocalDb = {
  readonly name: string;
  /** The Dexie database, loaded on first use. */
  dexie(): Promise<WebTaggerDb>;
};

/** The extension's database. */
export const localDb: LocalDb = {
  name: DB_NAME,
  dexie: () => import('./db').then((m) => m.db),
};

/** A given Dexie database (tests, other pages that already hold one). */
export function localDbOf(db: WebTaggerDb): LocalDb {
  return { name: db.name, dexie: async () => db };
}

const connections = new Map<string, Promise<IDBDatabase | undefined>>();

/**
 * A read connection to a database as it is: never creates nor upgrades it (a database not created
 * yet gives undefined), and steps aside when Dexie needs to upgrade or delete it.
 */
function connect(name: string): Promise<IDBDatabase | undefined> {
  let connection = connections.get(name);
  if (!connection) {
    connection = new Promise((resolve) => {
      const request = indexedDB.open(name);
      // Only a database that does not exist asks for an upgrade: leave its creation to Dexie.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => {
        connections.delete(name);
        resolve(undefined);
      };
      request.onblocked = () => undefined;
      request.onsuccess = () => {
        const idb = request.result;
        idb.onversionchange = () => {
          idb.close();
          connections.delete(name);
        };
        resolve(idb);
      };
    });
    connections.set(name, connection);
  }
  return connection;
}

/**
 * Records of one store by primary key, in one read transaction, without Dexie: undefined for each
 * key not found — and for every key when the database or the store does not exist yet.
 */
export async function readRecords(name: string, store: string, keys: string[]): Promise<unknown[]> {
  const idb = await connect(name);
  if (!idb?.objectStoreNames.contains(store)) return keys.map(() => undefined);
  let objects: IDBObjectStore;
  try {
    objects = idb.transaction(store, 'readonly').objectStore(store);
  } catch (error) {
    // Closed for an upgrade since it was opened: read again on a new connection.
    if (connections.get(name) === undefined) return readRecords(name, store, keys);
    throw error;
  }
  return Promise.all(
    keys.map(
      (key) =>
        new Promise<unknown>((resolve, reject) => {
          const request = objects.get(key);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        }),
    ),
  );
}
