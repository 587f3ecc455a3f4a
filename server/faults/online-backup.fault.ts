import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { sampleReport, upsertOf } from '../testing/reports';
import { seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { pushUntilAnswered } from './support/retrying-client';

// R8: `npm run backup` copies the database of a running server that keeps taking writes; the copy,
// restored into a fresh data folder, runs a server with every report of the moment it was taken.
const ROOT = resolve(import.meta.dirname, '../..');
const BATCH = 50;
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'webtagger-r8-'));
const servers: SpawnedServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs the backup CLI as `npm run backup` does. */
function backupCli(args: string[], dataDir: string) {
  return run(process.execPath, ['--import', 'tsx', 'server/backup-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, WEBTAGGER_DATA_DIR: dataDir },
  });
}

const countReports = (dataDir: string) => {
  const sqlite = new Database(join(dataDir, 'webtagger.sqlite'), { readonly: true });
  try {
    return {
      reports: sqlite.prepare('SELECT count(*) FROM reports').pluck().get() as number,
      integrity: sqlite.pragma('integrity_check', { simple: true }),
    };
  } finally {
    sqlite.close();
  }
};

describe('R8: online backup of a live server', () => {
  it('takes a consistent copy while pushes go on, and the restored copy serves it', async () => {
    const dataDir = join(scratch, 'live');
    const storage = openStorage(dataDir);
    const [analyst] = await seedAccounts(storage, 1);
    storage.close();
    const live = await spawnServer({ dataDir });
    servers.push(live);

    // Pushes of 50 reports, one transaction each, until the backup is done.
    let writing = true;
    let pushed = 0;
    const writer = (async () => {
      while (writing) {
        const batch = Array.from({ length: BATCH }, () => upsertOf(sampleReport()));
        await pushUntilAnswered(
          () => live.url,
          analyst!.token,
          [batch],
          (r) => {
            pushed += r.filter((x) => x.status === 'applied').length;
          },
        );
      }
    })();
    while (pushed < 2_000) await new Promise((r) => setTimeout(r, 20));
    const before = pushed;
    const backupDir = join(scratch, 'backup');
    const backup = await backupCli([backupDir], dataDir);
    const after = pushed;
    writing = false;
    await writer;
    expect(backup.stdout).toContain('"integrity":"ok"');

    // The copy holds whole batches only (each push is one transaction) and no fewer reports than
    // were answered before it began, nor more than were answered by its end.
    const copied = countReports(backupDir);
    console.info(
      `R8: answered before the backup ${before}, after ${after}; in the backup ${copied.reports}; live at the end ${countReports(dataDir).reports}`,
    );
    expect(copied.integrity).toBe('ok');
    expect(copied.reports % BATCH).toBe(0);
    expect(copied.reports).toBeGreaterThanOrEqual(before);
    expect(copied.reports).toBeLessThanOrEqual(after + BATCH);
    expect(after).toBeGreaterThan(before); // writes went on during the backup

    const restoredDir = join(scratch, 'restored');
    await backupCli(['--restore', backupDir, restoredDir], dataDir);
    const restored = await spawnServer({ dataDir: restoredDir });
    servers.push(restored);
    let served = 0;
    let cursor = '';
    for (;;) {
      const response = await fetch(`${restored.url}/api/sync/pull?limit=1000&cursor=${cursor}`, {
        headers: { authorization: `Bearer ${analyst!.token}` },
      });
      expect(response.status).toBe(200);
      const page = (await response.json()) as {
        changes: unknown[];
        cursor: string;
        hasMore: boolean;
      };
      served += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(served).toBe(copied.reports);
    await restored.stop();
    expect(countReports(restoredDir)).toEqual(copied);
  });

  it('refuses to write over an existing backup', async () => {
    const dataDir = join(scratch, 'live');
    await expect(backupCli([join(scratch, 'backup')], dataDir)).rejects.toMatchObject({ code: 1 });
  });
});
