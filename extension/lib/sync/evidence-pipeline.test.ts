import { describe, expect, it } from 'vitest';
import type { EvidenceFile } from '#shared/schemas/report';
import type { WebTaggerDb } from '../storage/db';
import { storeEvidenceFile } from '../storage/evidence-files';
import { saveReport } from '../storage/reports';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { drainOutbox } from './engine';
import { READY_WAIT_MS, UPLOADS_AT_ONCE } from './evidence-upload';

/**
 * The fake server behind a network whose evidence uploads take as long as the test says: each
 * PUT waits until `release` lets its file through, so a test sees what the drain does meanwhile.
 */
function setUp() {
  const db = freshDb();
  const server = createFakeServer();
  const held = new Map<string, (fail: boolean) => void>();
  const log: string[] = [];
  let uploading = 0;
  let mostAtOnce = 0;
  const network: typeof fetch = async (input, init) => {
    const path = new URL(String(input)).pathname;
    if (init?.method !== 'PUT') {
      const body = JSON.parse(String(init?.body ?? '{}')) as {
        mutations?: { report?: { id: string } }[];
      };
      log.push(`push ${(body.mutations ?? []).map((m) => m.report?.id).join(',')}`);
      return server.fetch(input, init);
    }
    const sha256 = path.split('/').at(-1)!;
    uploading++;
    mostAtOnce = Math.max(mostAtOnce, uploading);
    const fail = await new Promise<boolean>((resolve) => held.set(sha256, resolve));
    uploading--;
    if (fail) {
      log.push(`failed ${sha256}`);
      const error = { error: { code: 'internal_error', message: 'The disk is busy.' } };
      return new Response(JSON.stringify(error), { status: 503 });
    }
    const answer = await server.fetch(input, init);
    log.push(`stored ${sha256}`);
    return answer;
  };
  const drain = () =>
    drainOutbox({
      db,
      client: createApiClient(SESSION.serverUrl, network),
      token: SESSION.token,
      deviceId: 'device-1',
      now: Date.now,
    });
  /** Lets the upload of a file through once it has begun, or fails it as a busy server would. */
  async function release(sha256: string, fail = false) {
    while (!held.has(sha256)) await new Promise((resolve) => setTimeout(resolve, 1));
    held.get(sha256)!(fail);
  }
  return {
    db,
    server,
    drain,
    release,
    log,
    uploading: () => uploading,
    mostAtOnce: () => mostAtOnce,
  };
}

/** A distinct page copy stored as a capture stores it. */
async function storedFile(db: WebTaggerDb, n: number): Promise<EvidenceFile> {
  return storeEvidenceFile(
    db,
    new TextEncoder().encode(`<!DOCTYPE html><p>${n}</p>`),
    { mime: 'text/html', kind: 'page_copy' },
    { at: 0, estimate: async () => ({}) },
  );
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!check()) throw new Error('never happened');
};

describe('uploading a batch’s evidence', () => {
  it('uploads several files at once, never more than the bound', async () => {
    const { db, drain, release, uploading, mostAtOnce } = setUp();
    const files = await Promise.all(Array.from({ length: 10 }, (_, n) => storedFile(db, n)));
    await saveReport(db, aReport({ files }), { at: 1 });

    const drained = drain();
    await waitFor(() => uploading() === UPLOADS_AT_ONCE);
    // None starts while the first ones are still on their way.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(uploading()).toBe(UPLOADS_AT_ONCE);
    for (const file of files) await release(file.sha256);
    expect(await drained).toEqual({ kind: 'done', pushed: 1 });
    expect(mostAtOnce()).toBe(UPLOADS_AT_ONCE);
  });

  it('pushes the reports whose files are stored while a later one’s file still uploads', async () => {
    const { db, server, drain, release, log } = setUp();
    const [quick, slow] = [await storedFile(db, 1), await storedFile(db, 2)];
    const first = aReport({ files: [quick] });
    const second = aReport({ files: [slow] });
    const third = aReport();
    await saveReport(db, first, { at: 1 });
    await saveReport(db, second, { at: 2 });
    await saveReport(db, third, { at: 3 });

    const drained = drain();
    await release(quick.sha256);
    // The first report goes while the second one's file is still on its way.
    await waitFor(() => server.pushes().length === 1);
    await release(slow.sha256);
    expect(await drained).toEqual({ kind: 'done', pushed: 3 });
    expect(log).toEqual([
      `stored ${quick.sha256}`,
      `push ${first.id}`,
      `stored ${slow.sha256}`,
      `push ${second.id},${third.id}`,
    ]);
    expect(await db.evidence.count()).toBe(0);
  });

  it('holds a short run of ready reports a moment for the uploads under way, then pushes it', async () => {
    const { db, drain, release, log } = setUp();
    const files = [await storedFile(db, 1), await storedFile(db, 2), await storedFile(db, 3)];
    const reports = files.map((file) => aReport({ files: [file] }));
    for (const [n, report] of reports.entries()) await saveReport(db, report, { at: n + 1 });

    const drained = drain();
    await release(files[0]!.sha256);
    // Not pushed alone at once: the second file ends within the wait and goes with it.
    await new Promise((resolve) => setTimeout(resolve, READY_WAIT_MS / 5));
    await release(files[1]!.sha256);
    // The third file is still on its way when the wait runs out: the two ready reports go.
    await waitFor(() => log.some((line) => line.startsWith('push')));
    await release(files[2]!.sha256);
    expect(await drained).toEqual({ kind: 'done', pushed: 3 });
    const [a, b, c] = files.map((file) => file.sha256);
    const [r1, r2, r3] = reports.map((report) => report.id);
    expect(log).toEqual([
      `stored ${a}`,
      `stored ${b}`,
      `push ${r1},${r2}`,
      `stored ${c}`,
      `push ${r3}`,
    ]);
  });

  it('pushes the reports before a file that fails, and keeps the rest queued', async () => {
    const { db, server, drain, release } = setUp();
    const [good, bad] = [await storedFile(db, 1), await storedFile(db, 2)];
    const first = aReport({ files: [good] });
    await saveReport(db, first, { at: 1 });
    await saveReport(db, aReport({ files: [bad] }), { at: 2 });
    await saveReport(db, aReport(), { at: 3 });

    const drained = drain();
    await release(good.sha256);
    await release(bad.sha256, true);
    expect(await drained).toMatchObject({ kind: 'retry_later', pushed: 1 });
    expect([...server.reports.keys()]).toEqual([first.id]);
    expect(await db.outbox.count()).toBe(2);
    expect((await db.evidence.get(bad.sha256))?.failedAttempts).toBe(1);
  });
});
