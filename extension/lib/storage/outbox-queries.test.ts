import { describe, expect, it } from 'vitest';
import { aReport, freshDb } from '../testing/fixtures';
import type { OutboxEntry, WebTaggerDb } from './db';
import { removeAnswered, reportsOfBatch } from './outbox-queries';
import { deleteReport, saveReport } from './reports';

/** Saves reports one by one (a millisecond apart at least, as an analyst would). */
async function saveSome(db: WebTaggerDb, count: number) {
  const reports = [];
  for (let i = 0; i < count; i++) {
    const report = aReport({ url: `https://casino.example.kz/${i}` });
    await saveReport(db, report, { at: Date.now() });
    reports.push(report);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return reports;
}

const outbox = (db: WebTaggerDb): Promise<OutboxEntry[]> => db.outbox.orderBy('seq').toArray();

describe('reportsOfBatch', () => {
  it("finds every report of a batch in the state asked, and only the batch's", async () => {
    const db = freshDb();
    const reports = await saveSome(db, 6);
    const batch = (await outbox(db)).slice(1, 4);
    const found = await reportsOfBatch(db, batch, 'pending');
    expect([...found.keys()].sort()).toEqual(
      reports
        .slice(1, 4)
        .map((r) => r.id)
        .sort(),
    );
  });

  it('still finds reports saved again since, or in another state, and leaves out deleted ones', async () => {
    const db = freshDb();
    const reports = await saveSome(db, 4);
    const batch = await outbox(db);
    await saveReport(db, { ...reports[0]!, note: 'changed' }, { at: Date.now() });
    await db.reports.update(reports[1]!.id, { state: 'rejected' });
    await deleteReport(db, reports[2]!.id, Date.now());
    const found = await reportsOfBatch(db, batch, 'pending');
    expect(found.get(reports[0]!.id)?.note).toBe('changed');
    expect(found.get(reports[1]!.id)?.state).toBe('rejected');
    expect(found.has(reports[2]!.id)).toBe(false);
    expect(found.get(reports[3]!.id)?.state).toBe('pending');
  });
});

describe('removeAnswered', () => {
  it('removes a fully answered batch and keeps what was queued after it', async () => {
    const db = freshDb();
    await saveSome(db, 5);
    const batch = (await outbox(db)).slice(0, 3);
    await saveSome(db, 1);
    await removeAnswered(db, batch, batch);
    expect((await outbox(db)).map((e) => e.seq)).toEqual([4, 5, 6]);
  });

  it('removes only the answered entries of a batch answered in part', async () => {
    const db = freshDb();
    await saveSome(db, 4);
    const batch = await outbox(db);
    await removeAnswered(db, batch, [batch[0]!, batch[2]!]);
    expect((await outbox(db)).map((e) => e.seq)).toEqual([2, 4]);
  });
});
