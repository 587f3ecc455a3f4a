import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../storage/create';
import { createPgTestDatabase } from '../testing/pg-database';
import { type SeededAccount, seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { AnswerTally, killAtRandomMoments } from './support/kill-schedule';
import { pullAll, sharedPushWorkload } from './support/push-workload';
import { type MutationAnswer, pushUntilAnswered } from './support/retrying-client';
import { runSeed, seededRandom } from './support/seeded';
import { exactlyOnce, storedPushFigures } from './support/stored-push';

// R1: the real server is killed (SIGKILL) at random moments while several analysts push 10 000
// reports and retry what went unanswered; after the last restart every report is there once. The
// same workload runs on each engine: the SQLite file, and a throwaway PostgreSQL database.
const REPORTS = 10_000;
const CLIENTS = 4;
const BATCH = 100;
const KILLS = 10;
// Ten restarts and two full pushes take minutes on a loaded two-core machine, where one start of
// the server (compiling it through tsx) may take longer than spawnServer's usual 30 s.
const TIMEOUT_MS = 900_000;
const START_TIMEOUT_MS = 90_000;

const ENGINES = [
  { engine: 'SQLite', database: async () => undefined },
  { engine: 'PostgreSQL', database: () => createPgTestDatabase() },
];

describe.each(ENGINES)('R1 on $engine', ({ engine, database: createDatabase }) => {
  const seed = runSeed();
  const random = seededRandom(seed);
  let database: { url: string; drop(): Promise<void> } | undefined;
  let dataDir: string;
  let server: SpawnedServer;
  let analysts: SeededAccount[];

  beforeAll(async () => {
    database = await createDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'webtagger-r1-'));
    const storage = await createStorage({ dataDir, databaseUrl: database?.url });
    analysts = await seedAccounts(storage, CLIENTS);
    await storage.close();
    const env: Record<string, string> = database ? { WEBTAGGER_DATABASE_URL: database.url } : {};
    server = await spawnServer({ dataDir, env, startTimeoutMs: START_TIMEOUT_MS });
  }, 2 * START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const workload = () =>
    sharedPushWorkload(random, { analysts: CLIENTS, reports: REPORTS, batch: BATCH, tag: 'r1' });

  describe(`SIGKILL during a ${REPORTS}-report push (seed ${seed})`, () => {
    it(
      'keeps exactly every report once, counted through the API and in the database',
      async () => {
        const batches = workload();
        const expectedIds = new Set(
          batches.flat(2).map((m) => (m.op === 'upsert' ? m.report.id : '')),
        );
        const tally = new AnswerTally();
        const within = REPORTS * 0.95;
        const killer = killAtRandomMoments(server, random, { kills: KILLS, within, tally });
        const clients = await Promise.all(
          analysts.map((analyst, a) =>
            pushUntilAnswered(() => server.url, analyst.token, batches[a]!, tally.onAnswered),
          ),
        );
        const kills = await killer.finish();
        const { answers, duplicates } = tally;

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

        // In the database, after a clean stop: one row per report, each applied once (version 1),
        // one applied-mutation row per mutation, one material per URL key, one change number per
        // report, and on SQLite a sound file.
        await server.stop();
        const { figures, integrity } = await storedPushFigures({
          dataDir,
          databaseUrl: database?.url,
        });
        console.info(
          `R1 on ${engine}, seed ${seed}: ${kills} kills, ${retries} failed attempts retried, ${duplicates} answers "duplicate" during the kills and ${resent.length} on a full resend; ${JSON.stringify(figures)}; integrity ${integrity ?? 'n/a'}`,
        );
        expect(figures).toEqual(exactlyOnce(REPORTS));
        if (engine === 'SQLite') expect(integrity).toBe('ok');
      },
      TIMEOUT_MS,
    );
  });
});
