import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStorage, type PgStorage } from '../db/pg-open';
import * as pgSchema from '../db/pg-schema';
import { pullChanges } from '../features/sync/pull-service';
import { pushMutations } from '../features/sync/push-service';
import { findPgBinaries } from '../testing/pg-cluster';
import { createPgTestDatabase } from '../testing/pg-database';
import { sampleReport, upsertOf } from '../testing/reports';
import { testUser } from '../testing/storage-engines';

// R8 on PostgreSQL, as docs/deploy.md tells operators to do it: pg_dump of a database that keeps
// taking pushes, pg_restore into an empty database, and a server on it that has every report of
// the snapshot and goes on numbering changes after them.
const run = promisify(execFile);
const NOW = new Date('2026-11-24T10:00:00.000Z');
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function opened(url: string): Promise<PgStorage> {
  const dir = mkdtempSync(join(tmpdir(), 'webtagger-pg-backup-'));
  const storage = await openPgStorage(url, dir);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => storage.close());
  return storage;
}

describe('backing up and restoring a PostgreSQL deployment', () => {
  it('restores a snapshot taken during pushes whole, and numbers new changes after it', async () => {
    const bin = findPgBinaries();
    const source = await createPgTestDatabase();
    const target = await createPgTestDatabase({ empty: true });
    cleanups.push(
      () => source.drop(),
      () => target.drop(),
    );
    const live = await opened(source.url);
    const analyst = testUser();
    await live.db.insert(pgSchema.users).values(analyst);

    const push = () =>
      pushMutations(live, analyst.id!, [upsertOf(sampleReport()), upsertOf(sampleReport())], NOW);
    for (let i = 0; i < 10; i++) await push();
    const dumpFile = join(mkdtempSync(join(tmpdir(), 'webtagger-dump-')), 'db.dump');
    const writing = Promise.all(Array.from({ length: 10 }, push));
    await run(join(bin, 'pg_dump'), ['--format=custom', `--file=${dumpFile}`, source.url]);
    await writing;
    await run(join(bin, 'pg_restore'), [
      '--no-owner',
      '--exit-on-error',
      `--dbname=${target.url}`,
      dumpFile,
    ]);
    rmSync(dumpFile, { force: true });

    const restored = await opened(target.url);
    const page = await pullChanges(restored, analyst.id!, 0, 1000);
    // Everything pushed before the dump began, some of what was pushed during it, nothing torn.
    expect(page.changes.length).toBeGreaterThanOrEqual(20);
    expect(page.changes.length % 2).toBe(0);
    const [next] = await pushMutations(restored, analyst.id!, [upsertOf(sampleReport())], NOW);
    expect(next?.status).toBe('applied');
    const after = await pullChanges(restored, analyst.id!, page.lastSeq, 10);
    expect(after.changes).toHaveLength(1);
  });
});
