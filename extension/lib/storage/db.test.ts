import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
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
    expect(db.verno).toBe(5);
    // Settling a report writes no `state` index entry of its own any more (db.ts v4).
    const store = db.backendDB().transaction('reports').objectStore('reports');
    expect([...store.indexNames]).toEqual(['[state+updatedAt]', 'updatedAt', 'urlKeyHash']);
    // Files waiting for their upload are found by `dueAt` (db.ts v5).
    const files = db.backendDB().transaction('evidence').objectStore('evidence');
    expect([...files.indexNames]).toEqual(['dueAt', 'storedAt']);
  });
});
