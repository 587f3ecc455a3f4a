import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { startRetentionSchedule } from './schedule';

let t: Awaited<ReturnType<typeof createTestApp>>;
let closed: TestUser;

beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: '30' });
  closed = createUser(t, { email: 'long-gone@gov.test' });
  t.update('users', closed.id, { status: 'closed', closedAt: '2020-01-01T00:00:00.000Z' });
});
afterEach(() => t.dispose());

const emailOf = async (id: string) => (await t.rows('users')).find((u) => u.id === id)?.email;

describe('the retention schedule', () => {
  it('runs soon after start, and not once stopped', async () => {
    const schedule = startRetentionSchedule(
      { storage: t.storage, config: t.deps.config, logger: silentLogger, now: t.deps.now },
      { firstRunMs: 1, everyMs: 60_000 },
    );
    await expect.poll(() => emailOf(closed.id), { timeout: 2000 }).toMatch(/@invalid$/);
    schedule.stop();
    expect(await schedule.runNow()).toBeUndefined();
  });

  it('answers one run at a time', async () => {
    const schedule = startRetentionSchedule(
      { storage: t.storage, config: t.deps.config, logger: silentLogger, now: t.deps.now },
      { firstRunMs: 60_000, everyMs: 60_000 },
    );
    const [first, second] = [schedule.runNow(), schedule.runNow()];
    expect(first).toBe(second);
    expect((await first)?.userIds).toEqual([closed.id]);
    schedule.stop();
  });

  it("runs the day's retention in one of several processes on the database", async () => {
    // Each schedule stands for a server process; what each reads of due accounts is counted.
    const reads = [0, 0, 0];
    const schedules = reads.map((_, i) =>
      startRetentionSchedule(
        {
          storage: {
            ...t.storage,
            retention: {
              ...t.storage.retention,
              dueClosed: (...args) => {
                reads[i]!++;
                return t.storage.retention.dueClosed(...args);
              },
            },
          },
          config: t.deps.config,
          logger: silentLogger,
          now: t.deps.now,
        },
        { firstRunMs: 1, everyMs: 60_000 },
      ),
    );
    await expect.poll(() => emailOf(closed.id), { timeout: 5000 }).toMatch(/@invalid$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const schedule of schedules) schedule.stop();
    expect(reads.filter((n) => n > 0)).toHaveLength(1);
    expect(await t.rows('jobRuns')).toMatchObject([{ job: 'retention', period: '2026-11-24' }]);
  });
});

// The command on the configured database: the data folder alone, or PostgreSQL's URL with it.
describe('npm run retention', () => {
  it('destroys what is due in the configured database', async () => {
    await t.arranged();
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../retention-cli.ts')],
      {
        env: {
          ...process.env,
          WEBTAGGER_DATA_DIR: t.dataDir,
          WEBTAGGER_RETENTION_DAYS: '30',
          ...(t.engine === 'PostgreSQL'
            ? { WEBTAGGER_DATABASE_URL: t.postgres.pool.options.connectionString }
            : {}),
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const line = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(line).toMatchObject({ message: 'retention done', accounts: 1 });
    expect(await emailOf(closed.id)).toMatch(/^erased-.*@invalid$/);
  });
});
