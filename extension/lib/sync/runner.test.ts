import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getMeta } from '../storage/meta';
import { markSentUpTo } from '../storage/outbox-queries';
import { SESSION } from '../testing/fixtures';
import { save, setUpRunner as setUp } from '../testing/sync-runner';
import { RETRY_POLICY } from './backoff';
import { SYNC_PERIODIC_ALARM, SYNC_RETRY_ALARM } from './runner';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the sync runner', () => {
  it('pushes, then pulls statuses and known URLs, and clears any retry', async () => {
    const { db, server, runner, alarms, afterSync } = setUp();
    server.addKnownUrls(['https://other.example.kz/']);
    await save(db);

    const result = await runner.syncNow();
    expect(result).toMatchObject({ outcome: 'done', pushed: 1, pulled: 1, knownUrls: 2 });
    expect(await db.knownUrls.count()).toBe(2);
    expect(alarms.has(SYNC_RETRY_ALARM)).toBe(false);
    expect(await getMeta(db, 'lastSync')).toMatchObject({ outcome: 'done', pushed: 1 });
    expect(afterSync).toHaveBeenCalledWith(result);
  });

  it('schedules retries with growing delays while the server is down, up to the cap', async () => {
    const { db, server, runner, alarms, advance, now } = setUp();
    await save(db);
    const delays: number[] = [];
    for (let i = 0; i < 12; i++) {
      server.state.failNext.push('network');
      const result = await runner.syncNow();
      expect(result.outcome).toBe('retry_later');
      const when = alarms.get(SYNC_RETRY_ALARM)?.when;
      expect(when).toBe(result.nextAttemptAt);
      delays.push(when! - now());
      advance(when! - now());
    }
    for (let i = 1; i < delays.length; i++)
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays[1]).toBeGreaterThan(delays[0]!);
    expect(delays[0]).toBeGreaterThanOrEqual(RETRY_POLICY.baseMs / 2);
    expect(Math.max(...delays)).toBeLessThanOrEqual(RETRY_POLICY.capMs);
    expect(await getMeta(db, 'backoff')).toMatchObject({ failures: 12, reason: 'network' });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.reports.count()).toBe(1);
  });

  it('waits at least as long as Retry-After says', async () => {
    const { db, server, runner, now } = setUp();
    await save(db);
    server.state.failNext.push({ status: 429, code: 'too_many_requests', retryAfter: '600' });
    const result = await runner.syncNow();
    expect(result.nextAttemptAt! - now()).toBeGreaterThanOrEqual(600_000);
  });

  it('starts the backoff over after a success', async () => {
    const { db, server, runner, alarms } = setUp();
    await save(db);
    server.state.failNext.push('network', 'network');
    await runner.syncNow();
    await runner.syncNow();
    expect((await getMeta(db, 'backoff'))?.failures).toBe(2);

    expect((await runner.syncNow()).outcome).toBe('done');
    expect(await getMeta(db, 'backoff')).toBeUndefined();
    expect(alarms.has(SYNC_RETRY_ALARM)).toBe(false);
  });

  it('after a save, tries nothing while a retry is scheduled, but does when asked outright', async () => {
    const { db, server, runner, advance } = setUp();
    await save(db);
    server.state.failNext.push('network');
    const failed = await runner.syncNow();
    const requests = server.requests.length;

    await save(db, 'https://b.example.kz/');
    expect(await runner.syncNow({ unlessWaiting: true })).toMatchObject({
      outcome: 'retry_later',
      nextAttemptAt: failed.nextAttemptAt,
    });
    expect(server.requests).toHaveLength(requests);

    expect((await runner.syncNow()).outcome).toBe('done');
    await save(db, 'https://c.example.kz/');
    advance(1);
    expect((await runner.syncNow({ unlessWaiting: true })).outcome).toBe('done');
    expect(server.reports.size).toBe(3);
  });

  it('does run for a trigger that asked outright during a run that was only waiting', async () => {
    const { db, server, runner } = setUp();
    await save(db);
    server.state.failNext.push('network');
    await runner.syncNow();

    const waiting = runner.syncNow({ unlessWaiting: true });
    const outright = runner.syncNow();
    expect(outright).toBe(waiting);
    expect((await outright).outcome).toBe('done');
    expect(server.reports.size).toBe(1);
  });

  it('marks the session as needing sign-in and keeps every report when the token is refused', async () => {
    const { db, server, runner, alarms, markSignInNeeded } = setUp();
    await save(db);
    server.state.failNext.push({ status: 401, code: 'unauthorized' });

    expect((await runner.syncNow()).outcome).toBe('signed_out');
    expect(markSignInNeeded).toHaveBeenCalledOnce();
    expect(await db.outbox.count()).toBe(1);
    expect(alarms.has(SYNC_RETRY_ALARM)).toBe(false);
  });

  it('does not call the server for a session that needs a new sign-in', async () => {
    const { db, server, runner } = setUp({ ...SESSION, needsSignIn: true });
    await save(db);
    expect((await runner.syncNow()).outcome).toBe('signed_out');
    expect(server.requests).toHaveLength(0);
  });

  it('stores the policy version to accept, keeps the reports, and still pulls statuses', async () => {
    const { db, server, runner } = setUp();
    await save(db);
    server.state.failNext.push({
      status: 403,
      code: 'consent_required',
      details: { policyVersion: '3' },
    });

    expect((await runner.syncNow()).outcome).toBe('consent_required');
    expect(await getMeta(db, 'consentRequired')).toMatchObject({ policyVersion: '3' });
    expect(await db.outbox.count()).toBe(1);
    expect(server.requests.map((r) => r.path)).toContain('/api/sync/pull');

    expect((await runner.syncNow()).outcome).toBe('done');
    expect(await getMeta(db, 'consentRequired')).toBeUndefined();
  });

  it('runs one sync at a time and runs once more for a trigger that came during it', async () => {
    const { db, server, runner } = setUp();
    await save(db, 'https://a.example.kz/');
    const first = runner.syncNow();
    await save(db, 'https://b.example.kz/');
    const second = runner.syncNow();
    expect(second).toBe(first);
    await first;

    expect(server.reports.size).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    const pushes = server.pushes();
    expect(pushes.flatMap((p) => p.mutations)).toHaveLength(2);
  });

  it('picks up reports a stopped worker left syncing', async () => {
    const { db, runner } = setUp();
    const report = await save(db);
    const [entry] = await db.outbox.toArray();
    await markSentUpTo(db, entry!.seq!);
    await db.reports.update(report.id, { state: 'syncing' });

    await runner.syncNow();
    expect(await db.reports.get(report.id)).toMatchObject({ state: 'synced' });
  });

  it('does nothing without a session', async () => {
    const { db, server, runner } = setUp(null);
    await save(db);
    expect((await runner.syncNow()).outcome).toBe('no_session');
    expect(server.requests).toHaveLength(0);
  });

  it('starts cursors and known URLs over for another server or account', async () => {
    const { db, runner } = setUp();
    await db.meta.put({ key: 'syncScope', value: { serverUrl: 'https://old.test', userId: 'x' } });
    await db.meta.put({ key: 'pullCursor', value: '999' });
    await db.knownUrls.put({ hash: 'stale' });

    await runner.syncNow();
    expect(await db.knownUrls.get('stale')).toBeUndefined();
    expect(await getMeta(db, 'syncScope')).toEqual({
      serverUrl: SESSION.serverUrl,
      userId: SESSION.user.id,
    });
  });
});

describe('ensureSchedule', () => {
  it('keeps a periodic alarm and, while anything is queued, a retry at the backoff time', async () => {
    const { db, runner, alarms, now } = setUp();
    await runner.ensureSchedule();
    expect(alarms.get(SYNC_PERIODIC_ALARM)).toMatchObject({ periodInMinutes: 15 });
    expect(alarms.has(SYNC_RETRY_ALARM)).toBe(false);

    await save(db);
    await db.meta.put({
      key: 'backoff',
      value: { failures: 3, nextAttemptAt: now() + 60_000, reason: 'network' },
    });
    await runner.ensureSchedule();
    expect(alarms.get(SYNC_RETRY_ALARM)).toEqual({ when: now() + 60_000 });
  });

  it('runs the periodic sync at the configured period, and again at the default once unset', async () => {
    const quick = setUp(SESSION, 0.5);
    await quick.runner.ensureSchedule();
    expect(quick.alarms.get(SYNC_PERIODIC_ALARM)).toEqual({
      delayInMinutes: 0.5,
      periodInMinutes: 0.5,
    });
    // The browser runs no alarm more often than every 30 seconds.
    const tooQuick = setUp(SESSION, 0.01);
    await tooQuick.runner.ensureSchedule();
    expect(tooQuick.alarms.get(SYNC_PERIODIC_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
  });

  it('pulls the reviewers’ decisions without pushing, and counts the outcomes come back', async () => {
    const { db, server, runner, alarms, now } = setUp();
    const report = await save(db);
    await runner.syncNow();
    await save(db, 'https://other.example.kz/');
    await db.meta.put({
      key: 'backoff',
      value: { failures: 2, nextAttemptAt: now() + 60_000, reason: 'network' },
    });
    alarms.set(SYNC_RETRY_ALARM, { when: now() + 60_000 });
    server.setStatus(report.id, 'under_review', 'Принято к рассмотрению');

    const result = await runner.pullNow();
    expect(result).toMatchObject({ outcome: 'done', pushed: 0, newlyUnseen: 1 });
    expect(server.pushes()).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
    // The queued report keeps its retry: a pull says nothing of the outbox.
    expect(alarms.get(SYNC_RETRY_ALARM)).toEqual({ when: now() + 60_000 });
    expect(await db.reports.get(report.id)).toMatchObject({
      reviewStatus: 'under_review',
      reporterComment: 'Принято к рассмотрению',
    });
    // The status line keeps the last push's outcome; the run itself is recorded as reaching the server.
    expect(await getMeta(db, 'lastSync')).toMatchObject({ outcome: 'done', pushed: 1 });
    expect(await getMeta(db, 'lastRun')).toMatchObject({ outcome: 'done', pushed: 0 });
  });

  it('leaves the last push’s failure in the status when a pull alone reaches the server', async () => {
    const { db, server, runner } = setUp();
    await save(db);
    server.state.failNext.push('network');
    const failed = await runner.syncNow();
    expect(failed.outcome).toBe('retry_later');
    const pushed = await getMeta(db, 'lastSync');

    await expect(runner.pullNow()).resolves.toMatchObject({ outcome: 'done', pushed: 0 });
    expect(await getMeta(db, 'lastSync')).toEqual(pushed);
    expect(pushed).toMatchObject({ outcome: 'retry_later' });
    expect(await getMeta(db, 'lastRun')).toMatchObject({ outcome: 'done' });
  });

  it('resumes at once a run that a stopped worker left half done', async () => {
    const { db, runner, alarms, now } = setUp();
    const report = await save(db);
    await db.reports.update(report.id, { state: 'syncing' });
    await db.meta.put({
      key: 'backoff',
      value: { failures: 9, nextAttemptAt: now() + 600_000, reason: 'network' },
    });
    alarms.set(SYNC_RETRY_ALARM, { when: now() + 600_000 });

    await runner.ensureSchedule();
    expect(alarms.get(SYNC_RETRY_ALARM)).toEqual({ when: now() + 1_000 });
  });
});
