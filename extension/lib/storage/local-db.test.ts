import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { WebTaggerDb } from './db';
import { DB_NAME, readRecords } from './local-db';
import { readMetaValues, setMeta } from './meta';

let n = 0;
const opened: Dexie[] = [];
function freshDb(): WebTaggerDb {
  const db = new WebTaggerDb(`local-db-test-${n++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('readRecords', () => {
  it('reads the database Dexie opens', () => {
    expect(new WebTaggerDb().name).toBe(DB_NAME);
  });

  it('reads what Dexie wrote, undefined for keys not there', async () => {
    const db = freshDb();
    await setMeta(db, 'sentUpTo', 42);
    await db.meta.put({ key: 'draft:page:https://a.kz/', value: { note: 'x' } });
    expect(await readMetaValues(db.name, ['sentUpTo', 'draft:page:https://a.kz/', 'nope'])).toEqual(
      [42, { note: 'x' }, undefined],
    );
  });

  it('reads a database not created yet as empty, and leaves its creation to Dexie', async () => {
    const db = freshDb();
    expect(await readRecords(db.name, 'meta', ['lastUsed', 'topicUsage'])).toEqual([
      undefined,
      undefined,
    ]);
    expect(await Dexie.exists(db.name)).toBe(false);
    // Dexie then creates it with every store, and the next read sees its records.
    await setMeta(db, 'pullCursor', 'c1');
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'evidence',
      'evidenceBytes',
      'knownUrls',
      'meta',
      'outbox',
      'reports',
    ]);
    expect(await readMetaValues(db.name, ['pullCursor'])).toEqual(['c1']);
  });

  it('reads a store the database does not have as empty', async () => {
    const old = new Dexie(`local-db-test-${n++}`);
    opened.push(old);
    old.version(1).stores({ meta: 'key' });
    await old.open();
    expect(await readRecords(old.name, 'knownUrls', ['a'])).toEqual([undefined]);
  });

  it('steps aside when Dexie upgrades or deletes the database', async () => {
    const name = `local-db-test-${n++}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ meta: 'key' });
    await v1.table('meta').put({ key: 'pullCursor', value: 'old' });
    v1.close();
    expect(await readMetaValues(name, ['pullCursor'])).toEqual(['old']);
    // The read connection stays open; an upgrade would be blocked for good if it did not close.
    const db = new WebTaggerDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await readMetaValues(name, ['pullCursor'])).toEqual(['old']);
    await db.delete();
    expect(await Dexie.exists(name)).toBe(false);
  });
});
