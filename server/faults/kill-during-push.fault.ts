import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { type SeededAccount, seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { pullAll, sharedPushWorkload } from './support/push-workload';
import { type MutationAnswer, pushUntilAnswered } from './support/retrying-client';
import { runSeed, seededRandom, sleep } from './support/seeded';

// R1: the real server is killed (SIGKILL) at random moments while several analysts push 10 000
// reports and retry what went unanswered; after the last restart every report is there once.
const REPORTS = 10_000;
const CLIENTS = 4;
const BATCH = 100;
const KILLS = 10;

const seed = runSeed();
const random = seededRandom(seed);
let dataDir: string;
let server: SpawnedServer;
let analysts: SeededAccount[];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'webtagger-r1-'));
  const storage = openStorage(dataDir);
  analysts = await seedAccounts(storage, CLIENTS);
  storage.close();
  server = await spawnServer({ dataDir });
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const workload = () =>
  sharedPushWorkload(random, { analysts: CLIENTS, reports: REPORTS, batch: BATCH, tag: 'r1' });

describe(`R1: SIGKILL during a ${REPORTS}-report push (seed ${seed})`, () => {
  it('keeps exactly every report once, counted through the API and in SQLite', async () => {
    const batches = workload();
    const expectedIds = new Set(batches.flat(2).map((m) => (m.op === 'upsert' ? m.report.id : '')));
    const answers = new Map<string, MutationAnswer['status']>();
    let answered = 0;
    const onAnswered = (results: MutationAnswer[]) => {
      for (const result of results) {
        if (!answers.has(result.id) || result.status === 'applied')
          answers.set(result.id, result.status);
        if (result.status === 'duplicate') duplicates++;
      }
      answered += results.length;
    };
    let duplicates = 0;

    // Kill points spread over the push: after a random share of the answers, plus a random delay,
    // so that some land while a batch's transaction is open.
    const killAt = Array.from({ length: KILLS }, () => Math.floor(random() * REPORTS * 0.95)).sort(
      (a, b) => a - b,
    );
    let done = false;
    let kills = 0;
    const killer = (async () => {
      for (const threshold of killAt) {
        while (!done && answered < threshold) await sleep(5);
        if (done) return;
        await sleep(random() * 40);
        await server.stop('SIGKILL');
        kills++;
        await server.restart();
      }
    })();
    const clients = await Promise.all(
      analysts.map((analyst, a) =>
        pushUntilAnswered(() => server.url, analyst.token, batches[a]!, onAnswered),
      ),
    );
    done = true;
    await killer;

    // Every mutation was answered applied (once) or duplicate (a retry of an applied one).
    expect(answers.size).toBe(REPORTS);
    expect([...answers.values()].filter((s) => s === 'rejected')).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS - 2);
    const retries = clients.reduce((sum, c) => sum + c.failures, 0);

    // A device that lost every answer sends everything again: all duplicates, nothing changes.
    const resent: MutationAnswer[] = [];
    await Promise.all(
      analysts.map((analyst, a) =>
        pushUntilAnswered(
          () => server.url,
          analyst.token,
          batches[a]!,
          (r) => resent.push(...r),
        ),
      ),
    );
    expect(resent.length).toBe(REPORTS);
    expect(resent.filter((r) => r.status !== 'duplicate')).toEqual([]);

    // Through the API: each analyst pulls exactly their reports, none twice.
    const pulled: string[] = [];
    for (const analyst of analysts) pulled.push(...(await pullAll(server.url, analyst.token)));
    expect(pulled.length).toBe(REPORTS);
    expect(new Set(pulled)).toEqual(expectedIds);

    // In SQLite, after a clean stop: one row per report, each applied once (version 1), one
    // applied-mutation row per mutation, and a sound file.
    await server.stop();
    const sqlite = new Database(join(dataDir, 'webtagger.sqlite'), { readonly: true });
    const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
    const figures = {
      reports: count('SELECT count(*) FROM reports'),
      distinctIds: count('SELECT count(DISTINCT id) FROM reports'),
      versionsAboveOne: count('SELECT count(*) FROM reports WHERE version <> 1'),
      appliedMutations: count('SELECT count(*) FROM applied_mutations'),
      orphanReports: count(
        'SELECT count(*) FROM reports r LEFT JOIN materials m ON m.id = r.material_id WHERE m.id IS NULL',
      ),
      duplicateUrlKeys: count('SELECT count(*) - count(DISTINCT url_key) FROM materials'),
    };
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    sqlite.close();
    console.info(
      `R1 seed ${seed}: ${kills} kills, ${retries} failed attempts retried, ${duplicates} answers "duplicate" during the kills and ${resent.length} on a full resend; ${JSON.stringify(figures)}; integrity ${integrity}`,
    );
    expect(figures).toEqual({
      reports: REPORTS,
      distinctIds: REPORTS,
      versionsAboveOne: 0,
      appliedMutations: REPORTS,
      orphanReports: 0,
      duplicateUrlKeys: 0,
    });
    expect(integrity).toBe('ok');
  });
});
