import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStorage } from '../db/pg-open';
import { SAMPLE_FILES } from '../features/accounts/testing';
import { LOGIN_LIMITS } from '../features/auth/login-throttle';
import { createPgTestDatabase } from '../testing/pg-database';
import { sampleReport, upsertOf } from '../testing/reports';
import { type SeededAccount, seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { startTestHost, type TestHost } from '../testing/test-hosts';
import { AnswerTally, killAtRandomMoments } from './support/kill-schedule';
import { pullAll, sharedPushWorkload } from './support/push-workload';
import { pushUntilAnswered } from './support/retrying-client';
import { runSeed, seededRandom, sleep } from './support/seeded';
import { exactlyOnce, storedPushFigures } from './support/stored-push';

// R9: two replicas of the server on one PostgreSQL database and one shared data folder. One is
// SIGKILLed at random moments while analysts push 10 000 reports and retry on the other; every
// report is there once, the sign-in limit counts across both, and each re-check runs once.
const REPORTS = 10_000;
const CLIENTS = 4;
const BATCH = 100;
const KILLS = 6;
const RECHECKED = 12;

const seed = runSeed();
const random = seededRandom(seed);
let database: { url: string; drop(): Promise<void> };
let dataDir: string;
let replicas: SpawnedServer[];
let analysts: SeededAccount[];
let reviewer: SeededAccount;
let site: TestHost;
const hits = new Map<string, number>();

beforeAll(async () => {
  database = await createPgTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'webtagger-r9-'));
  const storage = await openPgStorage(database.url, dataDir);
  analysts = await seedAccounts(storage, CLIENTS);
  [reviewer] = (await seedAccounts(storage, 1, new Date(), 'reviewer')) as [SeededAccount];
  await storage.close();
  site = await startTestHost((req, res) => {
    hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
    setTimeout(() => res.end(`page ${req.url}`), 20);
  });
  const env = {
    WEBTAGGER_DATABASE_URL: database.url,
    WEBTAGGER_RECHECK_ALLOW_PRIVATE: 'true',
    WEBTAGGER_RECHECK_TICK_SECONDS: '1',
    WEBTAGGER_RECHECK_HOST_INTERVAL_MS: '0',
  };
  replicas = await Promise.all([spawnServer({ dataDir, env }), spawnServer({ dataDir, env })]);
});
afterAll(async () => {
  await Promise.all((replicas ?? []).map((r) => r.stop()));
  await site?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const workload = () =>
  sharedPushWorkload(random, { analysts: CLIENTS, reports: REPORTS, batch: BATCH, tag: 'r9' });

async function api(replica: SpawnedServer, token: string, path: string, body?: unknown) {
  const response = await fetch(`${replica.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

describe(`R9: two replicas on one PostgreSQL, one SIGKILLed during a ${REPORTS}-report push (seed ${seed})`, () => {
  it('keeps every report once while clients retry on the other replica', async () => {
    const [killed, survivor] = replicas as [SpawnedServer, SpawnedServer];
    const batches = workload();
    let byReplica = [0, 0];
    const tally = new AnswerTally();
    const within = REPORTS * 0.9;
    const killer = killAtRandomMoments(killed, random, { kills: KILLS, within, tally });
    // Half the analysts start on each replica; a batch left unanswered goes to the other one.
    const clients = await Promise.all(
      analysts.map((analyst, a) =>
        pushUntilAnswered(
          (unanswered) => {
            const index = (a + unanswered) % 2;
            byReplica = byReplica.map((n, i) => (i === index ? n + 1 : n));
            return replicas[index]!.url;
          },
          analyst.token,
          batches[a]!,
          tally.onAnswered,
        ),
      ),
    );
    const kills = await killer.finish();
    const { answers } = tally;

    expect(answers.size).toBe(REPORTS);
    expect([...answers.values()].filter((s) => s === 'rejected')).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS - 2);
    const retried = clients.reduce((sum, c) => sum + c.failures, 0);
    expect(retried).toBeGreaterThan(0);

    // Each analyst pulls exactly their reports through the replica that never died.
    const pulled: string[] = [];
    for (const analyst of analysts) pulled.push(...(await pullAll(survivor.url, analyst.token)));
    expect(pulled.length).toBe(REPORTS);
    expect(new Set(pulled).size).toBe(REPORTS);

    const { figures } = await storedPushFigures({ dataDir, databaseUrl: database.url });
    console.info(
      `R9 seed ${seed}: ${kills} kills, ${retried} unanswered attempts retried (${byReplica.join(' / ')} attempts per replica); ${JSON.stringify(figures)}`,
    );
    expect(figures).toEqual(exactlyOnce(REPORTS));
  });

  it('counts wrong passwords for one account across both replicas', async () => {
    const [analyst] = analysts as [SeededAccount];
    const outcomes: number[] = [];
    for (let i = 0; i < LOGIN_LIMITS.perAccount + 2; i++) {
      const replica = replicas[i % 2]!;
      const response = await fetch(`${replica.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: analyst.email, password: `guess ${i}` }),
      });
      outcomes.push(response.status);
    }
    expect(outcomes).toEqual([...Array(LOGIN_LIMITS.perAccount).fill(401), 429, 429]);
  });

  it('serves a file uploaded through one replica from the other', async () => {
    const [analyst] = analysts as [SeededAccount];
    const png = SAMPLE_FILES.png;
    const hash = createHash('sha256').update(png).digest('hex');
    const upload = await fetch(`${replicas[0]!.url}/api/evidence/${hash}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'image/png' },
      body: png,
    });
    expect(upload.status).toBe(201);
    const served = await fetch(`${replicas[1]!.url}/api/evidence/${hash}`, {
      headers: { authorization: `Bearer ${reviewer.token}` },
    });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('runs each due re-check once, whichever replica claims it', async () => {
    const [analyst] = analysts as [SeededAccount];
    const urls = Array.from({ length: RECHECKED }, (_, i) => `${site.origin}/r9/${i}`);
    const mutations = urls.map((url) => upsertOf(sampleReport({ url })));
    await pushUntilAnswered(
      () => replicas[0]!.url,
      analyst.token,
      [mutations],
      () => {},
    );
    for (const [i, url] of urls.entries()) {
      const replica = replicas[i % 2]!;
      const list = await api(
        replica,
        reviewer.token,
        `/api/materials?q=${encodeURIComponent(url)}`,
      );
      const material = (list.body as unknown as { materials: { id: string; version: number }[] })
        .materials[0]!;
      let version = material.version;
      for (const status of ['under_review', 'confirmed', 'sent_for_blocking'] as const) {
        const answer = await api(
          replica,
          reviewer.token,
          `/api/materials/${material.id}/decision`,
          {
            status,
            comment: 'R9',
            expectedVersion: version,
          },
        );
        expect(answer.status).toBe(200);
        version = (answer.body as unknown as { material: { version: number } }).material.version;
      }
    }
    // Both replicas tick every second; give them several ticks each.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && urls.some((url) => !hits.has(new URL(url).pathname))) {
      await sleep(200);
    }
    await sleep(3_000);
    expect(urls.map((url) => hits.get(new URL(url).pathname) ?? 0)).toEqual(urls.map(() => 1));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT material_id, count(*)::int AS checks FROM material_rechecks GROUP BY material_id',
    );
    await client.end();
    expect(rows.map((r) => r.checks)).toEqual(urls.map(() => 1));
  });
});
