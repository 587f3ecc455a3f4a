import { describe, expect, it } from 'vitest';
import { aReport, freshDb } from '../testing/fixtures';
import { saveReports } from './batch-save';
import type { WebTaggerDb } from './db';
import { getMeta } from './meta';
import { markSentUpTo } from './outbox-queries';
import { deleteReport, requeueReport, saveReport } from './reports';

describe('saveReport', () => {
  it('stores the report as pending and queues its upsert with the same payload', async () => {
    const db = freshDb();
    const report = aReport({ url: 'https://www.casino.example.kz/play?utm_source=tg' });
    const local = await saveReport(db, report, { at: Date.now() });

    expect(await db.reports.get(report.id)).toMatchObject({ state: 'pending', url: report.url });
    expect(local.urlKeyHash).toMatch(/^[0-9a-f]{16}$/);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ reportId: report.id });
    expect(entries[0]!.mutation).toEqual({ id: expect.any(String), op: 'upsert', report });
  });

  it('stores neither the report nor its outbox entry when the transaction fails', async () => {
    const db = freshDb();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(saveReport(db, aReport(), { at: Date.now() })).rejects.toThrow('disk full');
    expect(await db.reports.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('replaces the queued upsert of an edit that was never sent', async () => {
    const db = freshDb();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await saveReport(db, { ...report, note: 'second thoughts' }, { at: Date.now() });

    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.mutation).toMatchObject({ report: { note: 'second thoughts' } });
  });

  it('keeps an upsert that was already sent and queues the edit after it', async () => {
    const db = freshDb();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    const [sent] = await db.outbox.toArray();
    await markSentUpTo(db, sent!.seq!);
    await saveReport(db, { ...report, note: 'edited' }, { at: Date.now() });

    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((e) => e.mutation.id)).toEqual([sent!.mutation.id, expect.any(String)]);
    expect(entries[1]!.mutation).toMatchObject({ report: { note: 'edited' } });
  });

  it('notes the evidence an upsert needs, so the engine uploads it first', async () => {
    const db = freshDb();
    const evidence = { sha256: 'a'.repeat(64), mime: 'image/png' as const, bytes: 10 };
    await saveReport(db, aReport({ evidence }), { at: Date.now() });
    expect((await db.outbox.toArray())[0]!.evidenceSha256).toBe(evidence.sha256);
  });

  it('remembers the values of a new report and counts its topics, but not for edits', async () => {
    const db = freshDb();
    const report = aReport({ resourceType: 'social_post', topics: ['fraud', 'drugs'] });
    await saveReport(db, report, { at: Date.now() });
    await saveReport(db, { ...report, resourceType: 'video' }, { at: Date.now() });

    expect(await getMeta(db, 'lastUsed')).toMatchObject({
      resourceType: 'social_post',
      topics: ['fraud', 'drugs'],
    });
    expect(await getMeta(db, 'topicUsage')).toEqual({ fraud: 1, drugs: 1 });
  });

  it('counts the topics of a one-click report without changing the form values', async () => {
    const db = freshDb();
    await saveReport(db, aReport({ resourceType: 'video' }), { at: Date.now() });
    await saveReport(db, aReport({ resourceType: 'file', topics: ['fraud'] }), {
      at: Date.now(),
      rememberForm: false,
    });
    expect(await getMeta(db, 'lastUsed')).toMatchObject({ resourceType: 'video' });
    expect(await getMeta(db, 'topicUsage')).toEqual({ gambling: 1, fraud: 1 });
  });
});

describe('saveReports', () => {
  const file = { sha256: 'b'.repeat(64), mime: 'image/png', bytes: 5, kind: 'screenshot' } as const;
  const sent = aReport({ topics: ['fraud'] });
  const unsent = aReport({ topics: ['drugs'] });
  const capturing = aReport();
  const failed = aReport();
  const fresh = aReport({ topics: ['fraud', 'drugs'] });
  const freshTab = aReport();

  /** Reports in every state an edit meets: sent and answered, queued, being captured, failed. */
  async function stored(db: WebTaggerDb) {
    await saveReport(db, { ...sent, files: [file] }, { at: 1 });
    await markSentUpTo(db, (await db.outbox.toArray())[0]!.seq!);
    await db.reports.update(sent.id, {
      state: 'synced',
      reviewStatus: 'under_review',
      serverVersion: 2,
      reporterComment: 'Принято',
      evidenceState: 'captured',
    });
    await saveReport(db, unsent, { at: 2 });
    await saveReport(db, capturing, { at: 3, awaitCapture: true });
    await saveReport(db, failed, { at: 4 });
    await db.reports.update(failed.id, { evidenceState: 'failed', captureProblem: 'not_allowed' });
  }

  const batch = [
    { ...sent, note: 'edited', files: [file] },
    { ...unsent, note: 'edited' },
    { ...capturing, note: 'edited' },
    { ...failed, note: 'edited' },
    fresh,
    freshTab,
  ];
  const tabs = new Set([freshTab.id]);

  /** Everything saving wrote, without the mutations' random ids. */
  async function contents(db: WebTaggerDb) {
    return {
      reports: await db.reports.orderBy('id').toArray(),
      outbox: (await db.outbox.orderBy('seq').toArray()).map(({ mutation, ...entry }) => ({
        ...entry,
        mutation: { ...mutation, id: undefined },
      })),
      topicUsage: await getMeta(db, 'topicUsage'),
      lastUsed: await getMeta(db, 'lastUsed'),
    };
  }

  it('stores a batch as saving each report in turn does, in one transaction', async () => {
    const one = freshDb();
    await stored(one);
    for (const report of batch) {
      await saveReport(one, report, {
        at: 9,
        rememberForm: false,
        awaitCapture: tabs.has(report.id),
      });
    }
    const all = freshDb();
    await stored(all);
    await saveReports(all, batch, { at: 9, awaitCaptureOf: tabs });

    const expected = await contents(one);
    expect(await contents(all)).toEqual(expected);
    // What that is: the sent upsert kept, the unsent one replaced, the capture still awaited.
    expect(expected.outbox.map((e) => [e.reportId, e.awaitingCapture])).toEqual([
      [sent.id, undefined],
      [sent.id, undefined],
      [unsent.id, undefined],
      [capturing.id, 3],
      [failed.id, undefined],
      [fresh.id, undefined],
      [freshTab.id, 9],
    ]);
    expect(expected.reports.find((r) => r.id === sent.id)).toMatchObject({
      state: 'pending',
      reviewStatus: 'under_review',
      serverVersion: 2,
      reporterComment: 'Принято',
      evidenceState: 'captured',
    });
    expect(expected.reports.find((r) => r.id === failed.id)).toMatchObject({
      evidenceState: 'failed',
      captureProblem: 'not_allowed',
    });
    expect(expected.topicUsage).toEqual({ fraud: 2, drugs: 2, gambling: 3 });
    // The form's last-used values are still those of the last report saved from it.
    expect(expected.lastUsed).toMatchObject({ topics: failed.topics });
  });

  it('refuses a batch that names a report twice, storing none of it', async () => {
    const db = freshDb();
    await expect(saveReports(db, [fresh, { ...fresh }], { at: 1 })).rejects.toThrow('twice');
    expect(await db.reports.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('requeueReport', () => {
  it('queues a rejected report again as it is', async () => {
    const db = freshDb();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await db.outbox.clear();
    await db.reports.update(report.id, {
      state: 'rejected',
      rejection: { code: 'validation_failed', message: 'no' },
    });

    await requeueReport(db, report.id, Date.now());
    expect(await db.reports.get(report.id)).toMatchObject({ state: 'pending' });
    expect((await db.outbox.toArray())[0]!.mutation).toMatchObject({ op: 'upsert', report });
  });
});

describe('deleteReport', () => {
  it('forgets a report that never left the browser without queueing anything', async () => {
    const db = freshDb();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await deleteReport(db, report.id, Date.now());
    expect(await db.reports.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('queues a delete for a report the server may know', async () => {
    const db = freshDb();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await db.outbox.clear();
    await db.reports.update(report.id, { state: 'synced', serverVersion: 1 });

    await deleteReport(db, report.id, Date.now());
    expect(await db.reports.count()).toBe(0);
    const entries = await db.outbox.toArray();
    expect(entries.map((e) => e.mutation)).toEqual([
      { id: expect.any(String), op: 'delete', reportId: report.id },
    ]);
  });
});
