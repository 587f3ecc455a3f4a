import { describe, expect, it } from 'vitest';
import { getMeta } from '../storage/meta';
import { saveReport } from '../storage/reports';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { drainOutbox } from './engine';
import { countUnseen, pullStatuses, takeUnseen } from './status-pull';

function setUp() {
  const db = freshDb();
  const server = createFakeServer();
  const client = createApiClient(SESSION.serverUrl, server.fetch);
  const deps = { db, client, token: SESSION.token };
  return {
    db,
    server,
    client,
    push: () => drainOutbox({ ...deps, deviceId: 'device-1', now: Date.now }),
    pull: (pageSize?: number) => pullStatuses({ ...deps, pageSize }),
  };
}

describe('pullStatuses', () => {
  it('applies review status changes to the local reports', async () => {
    const { db, server, push, pull } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await push();
    server.setStatus(report.id, 'under_review');

    await pull();
    expect(await db.reports.get(report.id)).toMatchObject({
      state: 'synced',
      reviewStatus: 'under_review',
      serverVersion: 2,
    });
  });

  it('keeps the reviewers’ comment and counts the outcome as unseen until the list is opened', async () => {
    const { db, server, push, pull } = setUp();
    const [first, second] = [aReport(), aReport({ url: 'https://example.kz/other' })];
    await saveReport(db, first, { at: Date.now() });
    await saveReport(db, second, { at: Date.now() });
    await push();
    await pull();
    expect(await countUnseen(db)).toBe(0);

    server.setStatus(first.id, 'under_review');
    server.setStatus(first.id, 'rejected', 'Материал не нарушает закон');
    await pull();
    expect(await db.reports.get(first.id)).toMatchObject({
      reviewStatus: 'rejected',
      reporterComment: 'Материал не нарушает закон',
    });
    expect(await countUnseen(db)).toBe(1);
    // Sent again, the report carries no comment of the reviewers back to them.
    const { reportInputOf } = await import('../storage/reports');
    expect(reportInputOf((await db.reports.get(first.id))!)).not.toHaveProperty('reporterComment');

    expect(await takeUnseen(db)).toEqual([first.id]);
    expect(await countUnseen(db)).toBe(0);
    await pull();
    expect(await countUnseen(db)).toBe(0);
  });

  it('removes a report deleted on the server (from another browser)', async () => {
    const { db, server, push, pull } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await push();
    server.deleteElsewhere(report.id);

    await pull();
    expect(await db.reports.get(report.id)).toBeUndefined();
  });

  it('keeps local edits still on their way, taking only the status', async () => {
    const { db, server, push, pull } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await push();
    await saveReport(db, { ...report, note: 'edited offline' }, { at: Date.now() });
    server.setStatus(report.id, 'under_review');

    await pull();
    expect(await db.reports.get(report.id)).toMatchObject({
      state: 'pending',
      note: 'edited offline',
      reviewStatus: 'under_review',
    });
  });

  it('does not bring back a report whose deletion is queued', async () => {
    const { db, server, push, pull } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: Date.now() });
    await push();
    await db.reports.delete(report.id);
    await db.outbox.add({
      mutation: { id: crypto.randomUUID(), op: 'delete', reportId: report.id },
      reportId: report.id,
      queuedAt: 0,
    });
    server.setStatus(report.id, 'under_review');

    await pull();
    expect(await db.reports.get(report.id)).toBeUndefined();
  });

  it('adds the analyst’s reports sent from another browser as synced', async () => {
    const { db, server, client, pull } = setUp();
    const elsewhere = aReport({ url: 'https://www.fraud.example.kz/?utm_source=x' });
    await client.push('token', {
      deviceId: 'other',
      mutations: [{ id: crypto.randomUUID(), op: 'upsert', report: elsewhere }],
    });
    expect(server.reports.size).toBe(1);

    await pull();
    const local = await db.reports.get(elsewhere.id);
    expect(local).toMatchObject({ state: 'synced', url: elsewhere.url, reviewStatus: 'submitted' });
    expect(local).not.toHaveProperty('userId');
    expect(local!.urlKeyHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads every page and keeps the cursor, so the next pull asks only for what is new', async () => {
    const { db, server, push, pull } = setUp();
    for (let i = 0; i < 5; i++)
      await saveReport(db, aReport({ url: `https://a.example.kz/${i}` }), { at: Date.now() });
    await push();

    expect(await pull(2)).toBe(5);
    const pulls = server.requests.filter((r) => r.path === '/api/sync/pull');
    expect(pulls).toHaveLength(3);
    expect(await getMeta(db, 'pullCursor')).toBe('5');

    expect(await pull(2)).toBe(0);
  });
});
