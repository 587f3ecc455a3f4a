import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushUntilAnswered } from '../../faults/support/retrying-client';
import { createStorage } from '../../storage/create';
import { createPgTestDatabase } from '../../testing/pg-database';
import { sampleReport, upsertOf } from '../../testing/reports';
import { type SeededAccount, seedAccounts } from '../../testing/seed';
import { type SpawnedServer, spawnServer } from '../../testing/spawned-server';
import { fileOf, SAMPLE_FILES } from '../accounts/testing';
import { DUMP_FILE } from './pg-backup';
import { MANIFEST_FILE, type PgBackupManifest } from './pg-backup-manifest';

// R8 on PostgreSQL: `npm run backup` takes a backup of a running server on PostgreSQL while it
// keeps taking pushes; `--restore` puts it into a new database and data folder, where a server
// serves the same reports and the same evidence bytes. A database that is not empty is refused.
const ROOT = resolve(import.meta.dirname, '../../..');
const BATCH = 20;
const SLOW_MS = 180_000;
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'webtagger-pg-backup-'));
const cleanups: (() => unknown)[] = [];
let source: SpawnedServer;
let analyst: SeededAccount;
let reviewer: SeededAccount;

/** Runs the command as `npm run backup -- …` does, on the database `databaseUrl` names. */
function backupCli(args: string[], databaseUrl: string, dataDir: string) {
  return run(process.execPath, ['--import', 'tsx', 'server/backup-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, WEBTAGGER_DATABASE_URL: databaseUrl, WEBTAGGER_DATA_DIR: dataDir },
  });
}

async function api(
  server: SpawnedServer,
  account: SeededAccount,
  path: string,
  init?: RequestInit,
) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...init?.headers, authorization: `Bearer ${account.token}` },
  });
}

/** Every report an analyst pulls from a server, by id. */
async function pulledReports(server: SpawnedServer): Promise<Map<string, unknown>> {
  const reports = new Map<string, unknown>();
  for (let cursor = ''; ; ) {
    const response = await api(server, analyst, `/api/sync/pull?limit=1000&cursor=${cursor}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      changes: { id: string }[];
      cursor: string;
      hasMore: boolean;
    };
    for (const change of page.changes) reports.set(change.id, change);
    cursor = page.cursor;
    if (!page.hasMore) return reports;
  }
}

let database: { url: string; drop(): Promise<void> };
let dataDir: string;
beforeAll(async () => {
  database = await createPgTestDatabase();
  cleanups.push(() => database.drop());
  dataDir = join(scratch, 'live');
  const storage = await createStorage({ dataDir, databaseUrl: database.url });
  [analyst] = (await seedAccounts(storage, 1)) as [SeededAccount];
  [reviewer] = (await seedAccounts(storage, 1, new Date(), 'reviewer')) as [SeededAccount];
  await storage.close();
  source = await spawnServer({ dataDir, env: { WEBTAGGER_DATABASE_URL: database.url } });
  cleanups.push(() => source.stop());
}, SLOW_MS);
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const push = (onApplied: (n: number) => void) =>
  pushUntilAnswered(
    () => source.url,
    analyst.token,
    [Array.from({ length: BATCH }, () => upsertOf(sampleReport()))],
    (answers) => onApplied(answers.filter((a) => a.status === 'applied').length),
  );

describe('npm run backup on a PostgreSQL deployment', () => {
  it(
    'backs up a live server and restores it into a new database and folder',
    async () => {
      const png = SAMPLE_FILES.png;
      const hash = createHash('sha256').update(png).digest('hex');
      const upload = await api(source, analyst, `/api/evidence/${hash}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/png' },
        body: png,
      });
      expect(upload.status).toBe(201);
      const form = new FormData();
      form.append('document', fileOf(SAMPLE_FILES.pdf));
      const document = await api(source, analyst, '/api/me/documents', {
        method: 'POST',
        body: form,
      });
      expect(document.status).toBe(201);
      let pushed = 0;
      for (let i = 0; i < 5; i++) await push((n) => (pushed += n));

      // Pushes go on while the backup runs; each is one transaction, so the backup holds whole ones.
      const before = pushed;
      let writing = true;
      const writer = (async () => {
        while (writing) await push((n) => (pushed += n));
      })();
      const backupDir = join(scratch, 'backup');
      const backup = await backupCli([backupDir], database.url, dataDir);
      writing = false;
      await writer;
      expect(backup.stdout).toContain('"filesMissing":0');
      const manifest = JSON.parse(
        readFileSync(join(backupDir, MANIFEST_FILE), 'utf8'),
      ) as PgBackupManifest;
      const dump = readFileSync(join(backupDir, DUMP_FILE));
      expect(manifest.database).toMatchObject({
        file: DUMP_FILE,
        bytes: dump.length,
        sha256: createHash('sha256').update(dump).digest('hex'),
      });
      expect(manifest.counts).toMatchObject({ users: 2, documents: 1, evidence: 1 });
      expect(manifest.counts.reports! % BATCH).toBe(0);
      expect(manifest.counts.reports).toBeGreaterThanOrEqual(before);
      console.info(
        `R8 on PostgreSQL: ${before} reports answered before the backup, ${pushed} by its end; in the backup ${manifest.counts.reports}, a ${manifest.database.bytes}-byte dump and ${manifest.files.length} files`,
      );
      expect(manifest.files.map((f) => f.path.split('/')[0]).sort()).toEqual([
        'documents',
        'evidence',
      ]);
      expect(readFileSync(join(backupDir, 'evidence', hash)).equals(png)).toBe(true);

      const target = await createPgTestDatabase({ empty: true });
      cleanups.push(() => target.drop());
      const restoredDir = join(scratch, 'restored');
      await backupCli(['--restore', backupDir, restoredDir], target.url, restoredDir);
      const restored = await spawnServer({
        dataDir: restoredDir,
        env: { WEBTAGGER_DATABASE_URL: target.url },
      });
      cleanups.push(() => restored.stop());

      // The same reports as the live server served, field for field, as many as the snapshot held.
      const live = await pulledReports(source);
      const back = await pulledReports(restored);
      expect(back.size).toBe(manifest.counts.reports);
      for (const [id, report] of back) expect(report).toEqual(live.get(id));
      const served = await api(restored, reviewer, `/api/evidence/${hash}`);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
      const [documentFile] = readdirSync(join(restoredDir, 'documents'));
      expect(
        readFileSync(join(restoredDir, 'documents', documentFile!)).equals(
          readFileSync(join(dataDir, 'documents', documentFile!)),
        ),
      ).toBe(true);

      // A second restore into the now filled database is refused, and changes nothing.
      const again = join(scratch, 'again');
      const refused = backupCli(['--restore', backupDir, again], target.url, again);
      await expect(refused).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/is not empty .*nothing was changed/),
      });
      expect(existsSync(again)).toBe(false);
      expect((await pulledReports(restored)).size).toBe(manifest.counts.reports);
    },
    SLOW_MS,
  );

  it(
    'refuses a backup folder that is not empty',
    async () => {
      const refused = backupCli([join(scratch, 'backup')], database.url, dataDir);
      await expect(refused).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining('is not empty'),
      });
    },
    SLOW_MS,
  );
});
