import { describe, expect, it } from 'vitest';
import type { EvidenceFile } from '#shared/schemas/report';
import type { WebTaggerDb } from '../storage/db';
import { storeEvidenceFile } from '../storage/evidence-files';
import { saveReport } from '../storage/reports';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { drainOutbox } from './engine';
import { pruneOrphanEvidence, UPLOADS_AT_ONCE } from './evidence-upload';

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
    held.delete(sha256);
  }
  /** Lets every file through as its upload begins, whatever their order, until `count` went. */
  async function releaseAll(count: number) {
    for (let left = count; left > 0; left--) {
      while (held.size === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      await release(held.keys().next().value!);
    }
  }
  return {
    db,
    server,
    drain,
    release,
    releaseAll,
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

describe('uploading the evidence after the reports', () => {
  it('uploads several files at once, never more than the bound', async () => {
    const { db, drain, releaseAll, uploading, mostAtOnce } = setUp();
    const files = await Promise.all(Array.from({ length: 10 }, (_, n) => storedFile(db, n)));
    await saveReport(db, aReport({ files }), { at: 1 });

    const drained = drain();
    await waitFor(() => uploading() === UPLOADS_AT_ONCE);
    // None starts while the first ones are still on their way.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(uploading()).toBe(UPLOADS_AT_ONCE);
    await releaseAll(files.length);
    expect(await drained).toEqual({ kind: 'done', pushed: 1 });
    expect(mostAtOnce()).toBe(UPLOADS_AT_ONCE);
  });

  it('pushes every report before any file, so a slow upload holds none back', async () => {
    const { db, server, drain, release, log, uploading } = setUp();
    const [quick, slow] = [await storedFile(db, 1), await storedFile(db, 2)];
    const first = aReport({ files: [quick] });
    const second = aReport({ files: [slow] });
    const third = aReport();
    await saveReport(db, first, { at: 1 });
    await saveReport(db, second, { at: 2 });
    await saveReport(db, third, { at: 3 });

    const drained = drain();
    // The server has every report, and the analyst sees them synced, while the files upload.
    await waitFor(() => uploading() === 2);
    expect([...server.reports.keys()]).toEqual([first.id, second.id, third.id]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.reports.toArray()).map((r) => r.state)).toEqual([
      'synced',
      'synced',
      'synced',
    ]);
    await release(quick.sha256);
    await release(slow.sha256);
    expect(await drained).toEqual({ kind: 'done', pushed: 3 });
    expect(log.slice(0, 1)).toEqual([`push ${first.id},${second.id},${third.id}`]);
    expect(log.slice(1).sort()).toEqual([`stored ${quick.sha256}`, `stored ${slow.sha256}`].sort());
    expect(await db.evidence.count()).toBe(0);
    expect(await db.evidenceBytes.count()).toBe(0);
  });

  it('keeps a file whose upload fails, and sends only it in the next drain', async () => {
    const { db, server, drain, release, log } = setUp();
    const [good, bad] = [await storedFile(db, 1), await storedFile(db, 2)];
    await saveReport(db, aReport({ files: [good] }), { at: 1 });
    await saveReport(db, aReport({ files: [bad] }), { at: 2 });

    const drained = drain();
    await release(good.sha256);
    await release(bad.sha256, true);
    expect(await drained).toMatchObject({ kind: 'retry_later', pushed: 2 });
    expect(server.reports.size).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    // The file the server holds is gone; the other waits, due, and counts one server failure.
    expect(await db.evidence.get(good.sha256)).toBeUndefined();
    expect(await db.evidence.get(bad.sha256)).toMatchObject({ failedAttempts: 1 });
    expect((await db.evidence.get(bad.sha256))?.dueAt).toBeDefined();
    // An orphan sweep, however late, keeps a file still waiting for its upload.
    expect(await pruneOrphanEvidence(db, Date.now() + 365 * 86_400_000)).toBe(0);

    log.length = 0;
    const again = drain();
    await release(bad.sha256);
    expect(await again).toEqual({ kind: 'done', pushed: 0 });
    expect(log).toEqual([`stored ${bad.sha256}`]);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.evidenceBytes.count()).toBe(0);
  });

  it('gives up a file whose bytes are gone instead of failing every drain', async () => {
    const { db, server, drain, log } = setUp();
    const file = await storedFile(db, 1);
    await saveReport(db, aReport({ files: [file] }), { at: 1 });
    await db.evidenceBytes.delete(file.sha256);

    expect(await drain()).toEqual({ kind: 'done', pushed: 1 });
    expect(server.reports.size).toBe(1);
    // Nothing was sent for it, and nothing is left waiting.
    expect(log.filter((line) => !line.startsWith('push'))).toEqual([]);
    expect(server.evidence.size).toBe(0);
    expect(await db.evidence.orderBy('dueAt').count()).toBe(0);
  });
});
