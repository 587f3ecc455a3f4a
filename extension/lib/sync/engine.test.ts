import { describe, expect, it } from 'vitest';
import type { WebTaggerDb } from '../storage/db';
import { storeEvidenceFile } from '../storage/evidence-files';
import { inState } from '../storage/pending-query';
import { saveReport } from '../storage/reports';
import { createFakeServer, type FakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { drainOutbox } from './engine';

function setUp(options: { batchSize?: number } = {}) {
  const db = freshDb();
  const server = createFakeServer();
  const drain = () =>
    drainOutbox({
      db,
      client: createApiClient(SESSION.serverUrl, server.fetch),
      token: SESSION.token,
      deviceId: 'device-1',
      now: Date.now,
      ...options,
    });
  return { db, server, drain };
}

/** A screenshot stored as the single `evidence` of earlier versions names it. */
async function storeScreenshot(db: WebTaggerDb, bytes: Uint8Array<ArrayBuffer>) {
  const file = await storeEvidenceFile(
    db,
    bytes,
    { mime: 'image/png', kind: 'screenshot' },
    { at: Date.now(), estimate: async () => ({}) },
  );
  return { sha256: file.sha256, mime: 'image/png' as const, bytes: file.bytes };
}

async function saveMany(db: WebTaggerDb, count: number) {
  const reports = Array.from({ length: count }, (_, i) =>
    aReport({ url: `https://casino.example.kz/${i}` }),
  );
  await db.transaction('rw', db.reports, db.outbox, db.meta, async () => {
    for (const report of reports) await saveReport(db, report, { at: Date.now() });
  });
  return reports;
}

/** Queues many reports at once, as saveReport would one by one (quicker for big batches). */
async function queueMany(db: WebTaggerDb, count: number) {
  const reports = Array.from({ length: count }, (_, i) =>
    aReport({ url: `https://casino.example.kz/${i}` }),
  );
  await db.reports.bulkPut(
    reports.map((r) => ({ ...r, state: 'pending' as const, updatedAt: 0, urlKeyHash: 'x' })),
  );
  await db.outbox.bulkAdd(
    reports.map((report) => ({
      mutation: { id: crypto.randomUUID(), op: 'upsert' as const, report },
      reportId: report.id,
      queuedAt: 0,
    })),
  );
  return reports;
}

const states = async (db: WebTaggerDb) => (await db.reports.toArray()).map((r) => r.state);
const pushedIds = (server: FakeServer) =>
  server.pushes().flatMap((p) => p.mutations.map((m) => m.id));

describe('drainOutbox', () => {
  it('pushes every queued report and marks it synced with the status the server returned', async () => {
    const { db, server, drain } = setUp();
    const [report] = await saveMany(db, 3);

    expect(await drain()).toEqual({ kind: 'done', pushed: 3 });
    expect(await db.outbox.count()).toBe(0);
    expect(await states(db)).toEqual(['synced', 'synced', 'synced']);
    expect(await db.reports.get(report!.id)).toMatchObject({
      reviewStatus: 'submitted',
      serverVersion: 1,
    });
    expect(server.reports.size).toBe(3);
    expect(server.pushes()[0]!.deviceId).toBe('device-1');
  });

  it('pushes in batches of at most 500, in the order they were queued', async () => {
    const { db, server, drain } = setUp();
    const reports = await queueMany(db, 501);

    expect(await drain()).toEqual({ kind: 'done', pushed: 501 });
    expect(server.pushes().map((p) => p.mutations.length)).toEqual([500, 1]);
    const order = server
      .pushes()
      .flatMap((p) => p.mutations.map((m) => (m.op === 'upsert' ? m.report.id : '')));
    expect(order).toEqual(reports.map((r) => r.id));
  });

  it('stores the answers to a batch even when the next batch fails', async () => {
    const { db, server, drain } = setUp();
    await queueMany(db, 501);
    server.state.failNext.push(null, 'network');

    expect(await drain()).toEqual({ kind: 'retry_later', pushed: 500, reason: 'network' });
    expect(await db.outbox.count()).toBe(1);
    expect(await inState(db, 'synced').count()).toBe(500);
    expect(await inState(db, 'pending').count()).toBe(1);
  });

  it('marks a refused report rejected with the server reason and syncs the others', async () => {
    const { db, server, drain } = setUp();
    const [bad, good] = await saveMany(db, 2);
    const findings = [{ field: 'note' as const, kind: 'phone' as const, start: 0, end: 12 }];
    server.state.rule = (m) =>
      m.op === 'upsert' && m.report.id === bad!.id
        ? {
            code: 'third_party_personal_data',
            message: 'Personal data of third parties.',
            findings,
          }
        : undefined;

    expect(await drain()).toEqual({ kind: 'done', pushed: 2 });
    expect(await db.reports.get(bad!.id)).toMatchObject({
      state: 'rejected',
      rejection: {
        code: 'third_party_personal_data',
        message: 'Personal data of third parties.',
        findings,
      },
    });
    expect(await db.reports.get(good!.id)).toMatchObject({ state: 'synced' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends a rejected report again once it is saved again', async () => {
    const { db, server, drain } = setUp();
    const [report] = await saveMany(db, 1);
    server.state.rule = () => ({ code: 'validation_failed', message: 'bad' });
    await drain();
    server.state.rule = undefined;

    await saveReport(db, { ...report!, note: 'fixed' }, { at: Date.now() });
    expect(await db.reports.get(report!.id)).toMatchObject({ state: 'pending' });
    await drain();
    expect(await db.reports.get(report!.id)).toMatchObject({ state: 'synced' });
    expect((await db.reports.get(report!.id))!.rejection).toBeUndefined();
    expect(server.reports.get(report!.id)?.note).toBe('fixed');
  });

  it('keeps everything queued when the server cannot be reached', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 2);
    server.state.failNext.push('network');

    expect(await drain()).toEqual({ kind: 'retry_later', pushed: 0, reason: 'network' });
    expect(await db.outbox.count()).toBe(2);
    expect(await states(db)).toEqual(['pending', 'pending']);
    expect(server.reports.size).toBe(0);
  });

  it('passes on how long the server asked to wait', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 1);
    server.state.failNext.push({ status: 429, code: 'too_many_requests', retryAfter: '120' });

    expect(await drain()).toMatchObject({
      kind: 'retry_later',
      reason: 'too_many_requests',
      retryAfterMs: 120_000,
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('retries after a server failure that is not even JSON', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 1);
    server.state.failNext.push({ status: 502, code: 'html' });
    expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'bad_response' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('resends the same mutation when the answer was lost, and the server applies it once', async () => {
    const { db, server, drain } = setUp();
    const [report] = await saveMany(db, 1);
    server.state.loseNextAnswer = true;

    expect((await drain()).kind).toBe('retry_later');
    expect(server.reports.size).toBe(1);
    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });

    const [first, second] = pushedIds(server);
    expect(second).toBe(first);
    expect(server.reports.get(report!.id)?.version).toBe(1);
    expect(await db.reports.get(report!.id)).toMatchObject({ state: 'synced' });
  });

  it('stops, keeping the batch queued, when the server answers none of it', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 2);
    server.state.answerNone = true;
    expect(await drain()).toEqual({ kind: 'retry_later', pushed: 0, reason: 'bad_response' });
    expect(server.pushes()).toHaveLength(1);
    expect(await db.outbox.count()).toBe(2);
    expect(await states(db)).toEqual(['pending', 'pending']);
  });

  it('keeps every report and says so when the session is no longer valid', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 2);
    server.state.failNext.push({ status: 401, code: 'unauthorized' });
    expect(await drain()).toEqual({ kind: 'signed_out', reason: 'unauthorized' });
    server.state.failNext.push({ status: 403, code: 'account_blocked' });
    expect(await drain()).toEqual({ kind: 'signed_out', reason: 'account_blocked' });
    expect(await db.outbox.count()).toBe(2);
    expect(await states(db)).toEqual(['pending', 'pending']);
  });

  it('keeps every report and names the policy version when consent is required', async () => {
    const { db, server, drain } = setUp();
    await saveMany(db, 2);
    server.state.failNext.push({
      status: 403,
      code: 'consent_required',
      details: { policyVersion: '2' },
    });
    expect(await drain()).toEqual({ kind: 'consent_required', policyVersion: '2' });
    expect(await db.outbox.count()).toBe(2);
  });

  it('shows a refusal that retrying cannot fix at once, instead of retrying it for ever', async () => {
    const { db, server, drain } = setUp();
    const reports = await queueMany(db, 3);
    // An admin's account tags a page: the whole push is refused for the role (api.md).
    server.state.failNext.push({ status: 403, code: 'forbidden' });

    expect(await drain()).toEqual({ kind: 'done', pushed: 3 });
    expect(server.pushes()).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
    const stored = await db.reports.get(reports[0]!.id);
    expect(stored).toMatchObject({ state: 'rejected', rejection: { code: 'forbidden' } });
    expect(await states(db)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('takes a refused delete of a report the server never had as done', async () => {
    const { db, server, drain } = setUp();
    const reportId = crypto.randomUUID();
    await db.outbox.add({
      mutation: { id: crypto.randomUUID(), op: 'delete', reportId },
      reportId,
      queuedAt: 0,
    });
    server.state.rule = () => ({ code: 'not_found', message: 'No such report.' });
    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('pushes the report, then uploads the evidence it names, and drops it once held', async () => {
    const { db, server, drain } = setUp();
    const evidence = await storeScreenshot(db, new Uint8Array([137, 80, 78, 71, 1, 2, 3]));
    await saveReport(db, aReport({ evidence }), { at: Date.now() });

    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/sync/push',
      `PUT /api/evidence/${evidence.sha256}`,
    ]);
    expect(server.evidence.get(evidence.sha256)?.bytes).toBe(7);
    expect(await db.evidence.count()).toBe(0);
  });

  it('keeps a file shared across batches until the last report naming it is answered', async () => {
    const { db, server, drain } = setUp({ batchSize: 2 });
    const evidence = await storeScreenshot(db, new Uint8Array([137, 80, 78, 71, 4, 4]));
    for (let i = 0; i < 4; i++) {
      await saveReport(db, aReport({ url: `https://casino.example.kz/${i}`, evidence }), {
        at: Date.now(),
      });
    }
    // The first batch goes through; the second batch's push fails, and no upload starts.
    server.state.failNext.push(null, { status: 503, code: 'internal_error' });

    expect(await drain()).toMatchObject({ kind: 'retry_later', pushed: 2 });
    expect(await db.outbox.count()).toBe(2);
    expect(await db.evidence.get(evidence.sha256)).toMatchObject({ dueAt: expect.any(Number) });

    expect(await drain()).toEqual({ kind: 'done', pushed: 2 });
    // The failed push's two reports went again; each of the four was answered once.
    const sent = server.pushes().flatMap((p) => p.mutations.map((m) => m.id));
    expect([sent.length, new Set(sent).size]).toEqual([6, 4]);
    // The file went once, after the reports, and is then dropped.
    const puts = server.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
    expect(puts).toEqual([`/api/evidence/${evidence.sha256}`]);
    expect(await db.evidence.count()).toBe(0);
  });

  it('uploads a file an earlier version kept as an ArrayBuffer, bytes unchanged', async () => {
    const { db, server, drain } = setUp();
    const bytes = new Uint8Array([137, 80, 78, 71, 9, 8, 7, 6]);
    const evidence = await storeScreenshot(db, bytes);
    await db.evidenceBytes.put({ sha256: evidence.sha256, data: bytes.slice().buffer });
    await saveReport(db, aReport({ evidence }), { at: Date.now() });

    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    // The fake server, like the real one, refuses bytes that do not match the SHA-256.
    expect(server.evidence.get(evidence.sha256)?.bytes).toBe(8);
  });

  it('pushes the report while its evidence cannot be uploaded, and keeps the file for later', async () => {
    const { db, server, drain } = setUp();
    const evidence = await storeScreenshot(db, new Uint8Array([137, 80, 78, 71, 1]));
    const report = aReport({ evidence });
    await saveReport(db, report, { at: Date.now() });
    server.state.failNext.push(null, { status: 503, code: 'internal_error' });

    expect(await drain()).toMatchObject({ kind: 'retry_later', pushed: 1 });
    expect(server.pushes()).toHaveLength(1);
    expect(await db.reports.get(report.id)).toMatchObject({ state: 'synced' });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.evidence.get(evidence.sha256)).toMatchObject({ dueAt: expect.any(Number) });

    // The next drain has no report to push, and sends the file alone.
    expect(await drain()).toEqual({ kind: 'done', pushed: 0 });
    expect(server.pushes()).toHaveLength(1);
    expect(server.evidence.get(evidence.sha256)?.bytes).toBe(5);
    expect(await db.evidence.count()).toBe(0);
  });
});
