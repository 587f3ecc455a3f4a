import { describe, expect, it } from 'vitest';
import type { OutboxEntry, WebTaggerDb } from '../storage/db';
import { getMeta } from '../storage/meta';
import { inState, newestInStates } from '../storage/pending-query';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { BATCHES_IN_FLIGHT, drainOutbox } from './engine';

/**
 * The fake server behind a gate: pushes wait until the test opens it (and `answerAfterMs` more),
 * and the requests' starts and answers are logged in order.
 */
function setUp(options: { batchSize?: number; held?: boolean; answerAfterMs?: number } = {}) {
  const db = freshDb();
  const server = createFakeServer();
  const log: string[] = [];
  let open: () => void = () => undefined;
  let gate = options.held ? new Promise<void>((resolve) => (open = resolve)) : Promise.resolve();
  let pushes = 0;
  let onTheirWay = 0;
  let most = 0;
  const gated: typeof fetch = async (input, init) => {
    if (init?.method !== 'POST') return server.fetch(input, init);
    const n = ++pushes;
    onTheirWay++;
    most = Math.max(most, onTheirWay);
    log.push(`start ${n}`);
    await gate;
    // A server that takes its time: the engine reads and marks the next batch meanwhile.
    if (options.answerAfterMs) await new Promise((r) => setTimeout(r, options.answerAfterMs));
    try {
      return await server.fetch(input, init);
    } finally {
      onTheirWay--;
      log.push(`answer ${n}`);
    }
  };
  const drain = () =>
    drainOutbox({
      db,
      client: createApiClient(SESSION.serverUrl, gated),
      token: SESSION.token,
      deviceId: 'device-1',
      now: Date.now,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
  const release = () => {
    open();
    gate = Promise.resolve();
  };
  return { db, server, drain, log, release, mostAtOnce: () => most };
}

/** Queues upserts of these reports (the same report may come more than once), in this order. */
async function queue(db: WebTaggerDb, reports: ReturnType<typeof aReport>[]) {
  await db.reports.bulkPut(
    reports.map((r) => ({ ...r, state: 'pending' as const, updatedAt: 0, urlKeyHash: 'x' })),
  );
  const entries: OutboxEntry[] = reports.map((report) => ({
    mutation: { id: crypto.randomUUID(), op: 'upsert', report },
    reportId: report.id,
    queuedAt: 0,
  }));
  await db.outbox.bulkAdd(entries);
}

const many = (count: number) =>
  Array.from({ length: count }, (_, i) => aReport({ url: `https://casino.example.kz/${i}` }));

describe('drainOutbox with batches on their way at once', () => {
  it(`keeps at most ${BATCHES_IN_FLIGHT} batches on their way and sends each report once`, async () => {
    const { db, server, drain, mostAtOnce } = setUp({ answerAfterMs: 100 });
    await queue(db, many(1_600));

    expect(await drain()).toEqual({ kind: 'done', pushed: 1_600 });
    expect(mostAtOnce()).toBe(BATCHES_IN_FLIGHT);
    expect(server.pushes().map((p) => p.mutations.length)).toEqual([500, 500, 500, 100]);
    expect(server.reports.size).toBe(1_600);
    expect(await db.outbox.count()).toBe(0);
    expect(await inState(db, 'synced').count()).toBe(1_600);
    expect(await getMeta(db, 'sending')).toBeUndefined();
  }, 30_000);

  it('marks a batch on its way without writing its reports, and the list shows them syncing', async () => {
    const { db, drain, release } = setUp({ held: true });
    await queue(db, many(3));

    const draining = drain();
    await expect.poll(async () => (await getMeta(db, 'sending'))?.length).toBe(3);
    // Stored as they were; shown as on their way.
    expect(await inState(db, 'pending').count()).toBe(3);
    const shown = await newestInStates(db, ['pending', 'syncing'], 10);
    expect(shown.map((r) => r.state)).toEqual(['syncing', 'syncing', 'syncing']);

    release();
    expect(await draining).toEqual({ kind: 'done', pushed: 3 });
    const after = await newestInStates(db, ['synced'], 10);
    expect(after.map((r) => r.state)).toEqual(['synced', 'synced', 'synced']);
    expect(await getMeta(db, 'sending')).toBeUndefined();
  });

  it('sends a report’s later mutation only once the earlier one is answered', async () => {
    const { db, server, drain, log } = setUp({ batchSize: 2 });
    const [a, b, c] = many(3);
    const edited = { ...a!, note: 'Исправлено' };
    await queue(db, [a!, b!, edited, c!]);

    expect(await drain()).toEqual({ kind: 'done', pushed: 4 });
    // The second batch begins with the edit of `a`: it leaves after the first is answered.
    expect(log.slice(0, 3)).toEqual(['start 1', 'answer 1', 'start 2']);
    expect(server.reports.get(a!.id)).toMatchObject({ note: 'Исправлено' });
  });

  it('keeps a failed batch queued while the other is stored, and sends it once later', async () => {
    const { db, server, drain } = setUp();
    await queue(db, many(1_000));
    server.state.failNext.push('network');

    expect(await drain()).toMatchObject({ kind: 'retry_later', reason: 'network' });
    expect(await db.outbox.count()).toBe(500);
    expect(await inState(db, 'pending').count()).toBe(500);
    expect(await getMeta(db, 'sending')).toBeUndefined();

    expect(await drain()).toEqual({ kind: 'done', pushed: 500 });
    expect(server.reports.size).toBe(1_000);
    expect(await inState(db, 'synced').count()).toBe(1_000);
  });
});
