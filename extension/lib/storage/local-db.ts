import type { WebTaggerDb } from './db';

/** The name of the extension's one database (Dexie's in db.ts). */
export const DB_NAME = 'webtagger';

/**
 * How a page reaches the extension's one database handle (`WebTaggerDb`, db.ts), made by each
 * entrypoint and passed down: the database's name, by which the popup's first paint reads a few
 * records with IndexedDB itself (`readRecords`), and `dexie()`, which loads Dexie and opens the
 * handle only when something is written or queried (targets.md P4). Library functions take the
 * opened `WebTaggerDb`; components take this.
 */
export type DbOpener = {
  readonly name: string;
  /** The Dexie database, loaded and opened on first use, the same one every time. */
  dexie(): Promise<WebTaggerDb>;
};

/** An opener that loads Dexie only when first asked (the popup and the options page). */
export function lazyDb(name = DB_NAME): DbOpener {
  let opened: Promise<WebTaggerDb> | undefined;
  return {
    name,
    dexie: () => {
      opened ??= import('./db').then((m) => new m.WebTaggerDb(name));
      return opened;
    },
  };
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
