import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { VERSION_5_STORES } from '../testing/db-versions';
import { aReport } from '../testing/fixtures';
import { type LocalReport, type OutboxEntry, WebTaggerDb } from './db';
import { getMeta } from './meta';

describe('WebTaggerDb', () => {
  it('upgrades a version 1 database without losing reports or queued mutations', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      reports: 'id, state, updatedAt, urlKeyHash',
      outbox: '++seq, reportId',
      knownUrls: 'hash',
      meta: 'key',
    });
    const evidence = { sha256: 'f'.repeat(64), mime: 'image/png' as const, bytes: 5 };
    const withEvidence = aReport({ evidence, topics: ['fraud', 'drugs'] });
    const plain = aReport({ topics: ['fraud'] });
    const local = (r: typeof plain): LocalReport => ({
      ...r,
      state: 'pending',
      updatedAt: 1,
      urlKeyHash: 'h',
    });
    await v1.table('reports').bulkAdd([local(withEvidence), local(plain)]);
    // Version 1 counted the attempts on every entry; the first one had been sent.
    await v1.table('outbox').bulkAdd(
      [withEvidence, plain].map((report, i): OutboxEntry & { attempts: number } => ({
        mutation: { id: crypto.randomUUID(), op: 'upsert', report },
        reportId: report.id,
        attempts: i === 0 ? 1 : 0,
        queuedAt: 1,
      })),
    );
    v1.close();

    const db = new WebTaggerDb(name);
    expect(await db.reports.count()).toBe(2);
    expect(await db.outbox.where('evidenceSha256').equals(evidence.sha256).count()).toBe(1);
    expect(await getMeta(db, 'topicUsage')).toEqual({ fraud: 2, drugs: 1 });
    const [first, second] = await db.outbox.orderBy('seq').toArray();
    expect(await getMeta(db, 'sentUpTo')).toBe(first!.seq);
    expect(second).not.toHaveProperty('attempts');
    const pending = await db.reports
      .where('[state+updatedAt]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .count();
    expect(pending).toBe(2);
    expect(db.verno).toBe(6);
    // Settling a report writes no `state` index entry of its own any more (db.ts v4).
    const store = db.backendDB().transaction('reports').objectStore('reports');
    expect([...store.indexNames]).toEqual(['[state+updatedAt]', 'updatedAt', 'urlKeyHash']);
    // Files waiting for their upload are found by `dueAt` (db.ts v5).
    const files = db.backendDB().transaction('evidence').objectStore('evidence');
    expect([...files.indexNames]).toEqual(['dueAt', 'storedAt']);
  });

  it('moves the bytes of the files a version 5 database holds into a table of their own', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(VERSION_5_STORES);
    const record = { mime: 'image/png', bytes: 3, storedAt: 1 };
    await v5.table('evidence').bulkAdd([
      { ...record, sha256: 'a'.repeat(64), data: new Blob([new Uint8Array([1, 2, 3])]), dueAt: 7 },
      // Files of the first versions were kept as an ArrayBuffer.
      { ...record, sha256: 'b'.repeat(64), data: new Uint8Array([4, 5, 6]).buffer },
    ]);
    v5.close();

    const db = new WebTaggerDb(name);
    expect(await db.evidence.toArray()).toEqual([
      { ...record, sha256: 'a'.repeat(64), dueAt: 7 },
      { ...record, sha256: 'b'.repeat(64) },
    ]);
    const bytes = await db.evidenceBytes.toArray();
    expect(bytes.map((b) => b.sha256)).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(new Uint8Array(await (bytes[0]!.data as Blob).arrayBuffer())).toEqual(
      new Uint8Array([1, 2, 3]),
    );
    expect(new Uint8Array(bytes[1]!.data as ArrayBuffer)).toEqual(new Uint8Array([4, 5, 6]));
    expect(await db.evidence.orderBy('dueAt').primaryKeys()).toEqual(['a'.repeat(64)]);
  });
});
