import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getMeta } from '../storage/meta';
import { saveReport } from '../storage/reports';
import { aReport } from '../testing/fixtures';
import { save, setUpRunner as setUp } from '../testing/sync-runner';
import { RETRY_POLICY } from './backoff';
import { SYNC_RETRY_ALARM } from './runner';

beforeEach(() => {
  fakeBrowser.reset();
});

/** Triggers that arrive while a run is under way, and retries that are not failures. */
describe('the sync runner’s triggers', () => {
  it('pushes a report saved during a pull once the pull ends', async () => {
    const { db, server, runner } = setUp();
    const pulling = runner.pullNow();
    await save(db);
    const pushing = runner.syncNow();
    expect(pushing).toBe(pulling);

    expect(await pushing).toMatchObject({ outcome: 'done', pushed: 1 });
    expect(server.reports.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('tries once more at once for an outright trigger during a run that failed', async () => {
    const { db, server, runner } = setUp();
    await save(db);
    server.state.failNext.push('network');
    const failing = runner.syncNow();
    // The network comes back while the failing attempt is on its way (the `online` event).
    const online = runner.syncNow();

    expect(online).toBe(failing);
    expect(await online).toMatchObject({ outcome: 'done', pushed: 1 });
    expect(server.reports.size).toBe(1);
    expect(await getMeta(db, 'backoff')).toBeUndefined();
  });

  it('after a failed run, a save that came during it waits for the retry', async () => {
    const { db, server, runner } = setUp();
    await save(db);
    server.state.failNext.push('network');
    const failing = runner.syncNow();
    await save(db, 'https://b.example.kz/');
    void runner.syncNow({ unlessWaiting: true });

    expect(await failing).toMatchObject({ outcome: 'retry_later', waiting: true });
    // Only the attempt that failed reached the server.
    expect(server.pushes()).toHaveLength(1);
    expect(server.reports.size).toBe(0);
    expect(await getMeta(db, 'backoff')).toMatchObject({ failures: 1 });
  });

  it('does not count a report waiting for its capture as a failure', async () => {
    const { db, server, runner, alarms, now } = setUp();
    await save(db);
    await saveReport(db, aReport({ url: 'https://b.example.kz/' }), {
      at: Date.now(),
      awaitCapture: true,
    });

    const result = await runner.syncNow();
    expect(result).toMatchObject({ outcome: 'retry_later', pushed: 1 });
    expect(server.reports.size).toBe(1);
    expect(await getMeta(db, 'backoff')).toBeUndefined();
    expect(alarms.get(SYNC_RETRY_ALARM)).toEqual({ when: now() + RETRY_POLICY.baseMs });
    // A later save is not held back by a retry that no failure scheduled.
    expect((await runner.syncNow({ unlessWaiting: true })).waiting).toBeUndefined();
  });
});
