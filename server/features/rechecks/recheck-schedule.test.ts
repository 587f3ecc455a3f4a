import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { silentLogger } from '../../logger';
import type { Storage } from '../../storage';
import { createStorage, type ServerStorage } from '../../storage/create';
import { createTestApp } from '../../testing/test-app';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import { createUser } from '../../testing/users';
import { report, walk } from '../review/testing';
import { startRecheckSchedule } from './recheck-schedule';
import { engineForTests } from './testing';

const HOUR = 3_600_000;
const MATERIALS = 12;

let site: TestHost;
const hits = new Map<string, number>();
beforeAll(async () => {
  site = await startTestHost((req, res) => {
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    // Slow enough that both schedulers are mid-batch at once.
    setTimeout(() => res.end(`page ${req.url}`), 20);
  });
});
afterAll(() => site.close());

let t: Awaited<ReturnType<typeof createTestApp>>;
let second: ServerStorage;
beforeEach(async () => {
  hits.clear();
  t = await createTestApp();
  const analyst = createUser(t);
  const reviewer = createUser(t, { role: 'reviewer' });
  for (let i = 0; i < MATERIALS; i++) {
    const { materialId } = await report(t, analyst, { url: `${site.origin}/m/${i}` });
    const path =
      i % 3 === 0
        ? (['under_review', 'confirmed', 'sent_for_blocking'] as const)
        : i % 3 === 1
          ? (['under_review', 'confirmed', 'sent_for_blocking', 'blocked'] as const)
          : (['under_review', 'rejected'] as const);
    await walk(t, reviewer, materialId, [...path]);
  }
  // A second connection to the same database, as a second server process would have.
  second = await createStorage({ dataDir: t.dataDir, databaseUrl: databaseUrlOf(t) });
});
afterEach(async () => {
  await second.close();
  await t.dispose();
});

/** The PostgreSQL database the app runs on, or none on SQLite (its file is in the data folder). */
const databaseUrlOf = (app: typeof t) =>
  app.engine === 'PostgreSQL' ? app.postgres.pool.options.connectionString : undefined;

const stored = async (trigger?: string) =>
  (await t.rows('materialRechecks')).filter((r) => !trigger || r.trigger === trigger).length;

const engines: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

function scheduler(storage: Storage, clock: () => Date) {
  const engine = engineForTests();
  engines.push(engine);
  return startRecheckSchedule(
    {
      storage,
      engine,
      intervals: { sent_for_blocking: 12 * HOUR, blocked: 24 * HOUR },
      now: clock,
      logger: silentLogger,
    },
    { tickMs: 0, batch: 3, leaseMs: 10 * 60_000 },
  );
}

it('runs each due check once when two schedulers race on one database', async () => {
  const clock = () => t.deps.now();
  const a = scheduler(t.storage, clock);
  const b = scheduler(second, clock);
  const followed = (MATERIALS / 3) * 2;

  let ran = 0;
  for (let round = 0; round < 10; round++) {
    const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
    ran += x + y;
  }
  expect(ran).toBe(followed);
  expect([...hits.values()].every((n) => n === 1)).toBe(true);
  expect(hits.size).toBe(followed);
  expect(await stored()).toBe(followed);

  // Nothing is due again before its interval; after 12 h only the sent-for-blocking ones are.
  expect(await a.runOnce()).toBe(0);
  t.advance(12 * HOUR + 1);
  let later = 0;
  for (let round = 0; round < 5; round++) {
    const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
    later += x + y;
  }
  expect(later).toBe(MATERIALS / 3);
  expect(await stored('scheduled')).toBe(followed + MATERIALS / 3);
  a.stop();
  b.stop();
});

it('takes a claim back once its lease has run out (the claiming process died)', async () => {
  const clock = () => t.deps.now();
  const dead = await t.storage.rechecks.claimDue({
    now: clock(),
    leaseUntil: new Date(clock().getTime() + 60_000),
    owner: 'dead-process',
    statuses: ['sent_for_blocking', 'blocked'],
    limit: 100,
  });
  expect(dead).toHaveLength((MATERIALS / 3) * 2);
  const live = scheduler(second, clock);
  expect(await live.runOnce()).toBe(0);
  t.advance(60_001);
  let ran = 0;
  for (let round = 0; round < 5; round++) ran += await live.runOnce();
  expect(ran).toBe(dead.length);
  live.stop();
});

it('runs each due check once when two server processes race on one database', async () => {
  const followed = (MATERIALS / 3) * 2;
  const run = () =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, 'scheduler-process.ts'),
          t.dataDir,
          ...(databaseUrlOf(t) ? [databaseUrlOf(t)!] : []),
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(code)));
    });
  const [x, y] = await Promise.all([run(), run()]);
  expect(x + y).toBe(followed);
  expect(hits.size).toBe(followed);
  expect([...hits.values()].every((n) => n === 1)).toBe(true);
  expect(await stored()).toBe(followed);
}, 60_000);
