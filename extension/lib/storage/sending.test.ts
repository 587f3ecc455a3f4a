import { describe, expect, it } from 'vitest';
import { aReport, freshDb } from '../testing/fixtures';
import { getMeta } from './meta';
import { sentUpTo } from './outbox-queries';
import { saveReport } from './reports';
import { markSending } from './sending';

describe('markSending', () => {
  it('marks a batch read a while before only if every entry of it is still queued', async () => {
    const db = freshDb();
    const reports = [1, 2, 3].map((i) => aReport({ url: `https://casino.example.kz/${i}` }));
    for (const report of reports) await saveReport(db, report, { at: Date.now() });
    const batch = await db.outbox.orderBy('seq').toArray();

    // The analyst edits the second report before the batch leaves: its unsent entry is replaced.
    await saveReport(db, { ...reports[1]!, note: 'edited' }, { at: Date.now() });
    expect(await markSending(db, batch)).toBe(false);
    expect(await sentUpTo(db)).toBe(0);
    expect(await getMeta(db, 'sending')).toBeUndefined();

    const again = await db.outbox.orderBy('seq').toArray();
    expect(await markSending(db, again)).toBe(true);
    expect(await sentUpTo(db)).toBe(again.at(-1)!.seq);
    expect(await getMeta(db, 'sending')).toEqual(again.map((entry) => entry.reportId));
  });
});
