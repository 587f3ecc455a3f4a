import { describe, expect, it } from 'vitest';
import type { EvidenceFile } from '#shared/schemas/report';
import { CAPTURE_GIVE_UP_MS, type CaptureOutcome, completeCapture } from '../storage/capture-state';
import type { WebTaggerDb } from '../storage/db';
import { storeEvidenceFile } from '../storage/evidence-files';
import { saveReport } from '../storage/reports';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { drainOutbox } from './engine';
import { MAX_FILE_FAILURES } from './evidence-upload';

function setUp(clock = { now: 10 }) {
  const db = freshDb();
  const server = createFakeServer();
  const drain = () =>
    drainOutbox({
      db,
      client: createApiClient(SESSION.serverUrl, server.fetch),
      token: SESSION.token,
      deviceId: 'device-1',
      now: () => clock.now,
    });
  return { db, server, drain, clock };
}

const CAPTURE = {
  url: 'https://casino.example.kz/promo',
  finalUrl: 'https://casino.example.kz/promo',
  title: 'Promo',
  capturedAt: '2026-12-03T10:00:00.000Z',
  browser: { name: 'Chromium', version: '131.0.0.0' },
  viewport: { width: 1280, height: 800 },
  extensionVersion: '0.1.0',
};

/** A screenshot and a page copy stored as a capture stores them. */
async function capturedFiles(db: WebTaggerDb): Promise<EvidenceFile[]> {
  const options = { at: 0, estimate: async () => ({}) };
  return [
    await storeEvidenceFile(
      db,
      new Uint8Array([137, 80, 78, 71, 9]),
      { mime: 'image/png', kind: 'screenshot', fullPage: true },
      options,
    ),
    await storeEvidenceFile(
      db,
      new TextEncoder().encode('MIME-Version: 1.0\r\n'),
      { mime: 'multipart/related', kind: 'page_copy' },
      options,
    ),
  ];
}

const pushedReports = (server: ReturnType<typeof createFakeServer>) =>
  server
    .pushes()
    .flatMap((push) => push.mutations.flatMap((m) => (m.op === 'upsert' ? [m.report] : [])));

describe('a report whose evidence is being captured', () => {
  it('waits, with the reports after it, while those before it are pushed', async () => {
    const { db, server, drain } = setUp();
    const before = aReport({ url: 'https://a.example.kz/' });
    const capturing = aReport({ url: 'https://b.example.kz/' });
    const after = aReport({ url: 'https://c.example.kz/' });
    await saveReport(db, before, { at: 1 });
    await saveReport(db, capturing, { at: 2, awaitCapture: true });
    await saveReport(db, after, { at: 3 });

    expect(await drain()).toEqual({ kind: 'retry_later', pushed: 1, reason: 'capturing' });
    expect(pushedReports(server).map((r) => r.id)).toEqual([before.id]);
    expect((await db.reports.get(capturing.id))?.evidenceState).toBe('capturing');
  });

  it('goes once captured: the report naming its files, then the files', async () => {
    const { db, server, drain } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: 1, awaitCapture: true });
    const files = await capturedFiles(db);
    await completeCapture(db, report.id, { files, capture: CAPTURE }, 2);

    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    const [push, ...puts] = server.requests.map((r) => `${r.method} ${r.path}`);
    expect(push).toBe('POST /api/sync/push');
    expect(puts.sort()).toEqual(files.map((file) => `PUT /api/evidence/${file.sha256}`).sort());
    expect(pushedReports(server)[0]).toMatchObject({ id: report.id, files, capture: CAPTURE });
    expect(await db.evidence.count()).toBe(0);
    expect(await db.reports.get(report.id)).toMatchObject({
      state: 'synced',
      evidenceState: 'captured',
    });
  });

  it('goes without evidence when the capture failed, and keeps why', async () => {
    const { db, server, drain } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: 1, awaitCapture: true });
    const outcome: CaptureOutcome = { files: [], problem: 'storage_full' };
    await completeCapture(db, report.id, outcome, 2);

    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    expect(pushedReports(server)[0]?.files).toBeUndefined();
    expect(await db.reports.get(report.id)).toMatchObject({
      evidenceState: 'failed',
      captureProblem: 'storage_full',
    });
  });

  it('is given up when its capture never ends (the worker was stopped), and goes', async () => {
    const { db, server, drain, clock } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: clock.now, awaitCapture: true });
    expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'capturing' });

    clock.now += CAPTURE_GIVE_UP_MS + 1;
    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    expect(pushedReports(server).map((r) => r.id)).toEqual([report.id]);
    expect(await db.reports.get(report.id)).toMatchObject({ captureProblem: 'interrupted' });
  });

  it('keeps waiting through an edit made during the capture, and the edit gets the files', async () => {
    const { db, server, drain } = setUp();
    const report = aReport({ note: 'first' });
    await saveReport(db, report, { at: 1, awaitCapture: true });
    await saveReport(db, { ...report, note: 'edited' }, { at: 2 });
    expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'capturing' });

    const files = await capturedFiles(db);
    await completeCapture(db, report.id, { files, capture: CAPTURE }, 3);
    await drain();
    expect(pushedReports(server)).toEqual([
      expect.objectContaining({ note: 'edited', files, capture: CAPTURE }),
    ]);
  });

  it('adds a later capture to a report already sent, as a new upsert of the same report', async () => {
    const { db, server, drain } = setUp();
    const report = aReport({ source: 'link' });
    await saveReport(db, report, { at: 1 });
    await drain();

    const { awaitRecapture, findNotCaptured } = await import('../capture/not-captured');
    const uncaptured = await findNotCaptured(db, `${report.url}?utm_source=tg`);
    expect(uncaptured?.id).toBe(report.id);
    await awaitRecapture(db, uncaptured!, 2);
    expect(await findNotCaptured(db, report.url)).toBeUndefined();
    await completeCapture(db, report.id, { files: await capturedFiles(db), capture: CAPTURE }, 3);
    await drain();

    const pushed = pushedReports(server);
    expect(pushed.map((r) => r.id)).toEqual([report.id, report.id]);
    expect(pushed[1]?.files).toHaveLength(2);
  });
});

describe('uploading evidence files', () => {
  it('resumes with the files not yet uploaded after an interrupted run', async () => {
    const { db, server, drain } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: 1, awaitCapture: true });
    const files = await capturedFiles(db);
    await completeCapture(db, report.id, { files, capture: CAPTURE }, 2);
    // The push and the first upload go through; the second upload meets no network.
    server.state.failNext.push(null, null, 'network');

    expect(await drain()).toMatchObject({ kind: 'retry_later', pushed: 1 });
    expect(await drain()).toEqual({ kind: 'done', pushed: 0 });
    expect(server.pushes()).toHaveLength(1);
    // Each file went until the server held it: the one that met no network, twice.
    const puts = server.requests.filter((r) => r.method === 'PUT').map((r) => r.path);
    expect(puts.slice(0, 2).sort()).toEqual(files.map((f) => `/api/evidence/${f.sha256}`).sort());
    expect(puts.slice(2)).toEqual([puts[1]]);
    expect(await db.evidence.count()).toBe(0);
  });

  it('never loses a file to a long offline period, but gives up one the server keeps failing', async () => {
    const { db, server, drain } = setUp();
    const report = aReport();
    await saveReport(db, report, { at: 1, awaitCapture: true });
    const files = await capturedFiles(db);
    await completeCapture(db, report.id, { files: files.slice(0, 1), capture: CAPTURE }, 2);

    // The report goes at once; its file meets no network, drain after drain.
    server.state.failNext.push(null, 'network');
    expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'network', pushed: 1 });
    for (let i = 0; i < MAX_FILE_FAILURES + 1; i++) {
      server.state.failNext.push('network');
      expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'network' });
    }
    expect(pushedReports(server).map((r) => r.id)).toEqual([report.id]);
    expect(await db.evidence.get(files[0]!.sha256)).toMatchObject({ dueAt: expect.any(Number) });

    for (let i = 0; i < MAX_FILE_FAILURES - 1; i++) {
      server.state.failNext.push({ status: 500, code: 'internal_error' });
      expect(await drain()).toMatchObject({ kind: 'retry_later' });
    }
    server.state.failNext.push({ status: 500, code: 'internal_error' });
    expect(await drain()).toEqual({ kind: 'done', pushed: 0 });
    expect(server.evidence.has(files[0]!.sha256)).toBe(false);
    expect(pushedReports(server).map((r) => r.id)).toEqual([report.id]);
    // Given up, it is no longer kept.
    expect(await db.evidence.get(files[0]!.sha256)).toBeUndefined();
  });
});
