import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPgBinaries, startPgCluster } from './pg-cluster';
import { createPgTestDatabase } from './pg-database';

describe('the throwaway PostgreSQL cluster of the tests', () => {
  it('fails with what to install when the server binaries are missing, instead of skipping', () => {
    const empty = mkdtempSync(join(tmpdir(), 'webtagger-no-pg-'));
    try {
      expect(() => findPgBinaries(empty)).toThrow(/apt-get install postgresql/);
      expect(() => findPgBinaries(join(empty, 'absent'))).toThrow(/"postgresql" package/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('saves its data folder and starts a cluster from the copy, itself going on meanwhile', async () => {
    const keep = mkdtempSync(join(tmpdir(), 'webtagger-pg-saved-'));
    const saved = join(keep, 'data');
    const query = async (url: string, statement: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<{ note: string }>(statement)).rows.map((r) => r.note);
      } finally {
        await client.end();
      }
    };
    const first = await startPgCluster();
    try {
      await query(first.url, 'CREATE TABLE notes (note text)');
      await query(first.url, "INSERT INTO notes VALUES ('before the copy')");
      first.saveTo(saved);
      // The cluster was stopped for the copy and is back, on the same port.
      await query(first.url, "INSERT INTO notes VALUES ('after the copy')");
      expect(await query(first.url, 'SELECT note FROM notes ORDER BY note')).toEqual([
        'after the copy',
        'before the copy',
      ]);
    } finally {
      first.stop();
    }
    const second = await startPgCluster({ from: saved });
    try {
      expect(await query(second.url, 'SELECT note FROM notes')).toEqual(['before the copy']);
    } finally {
      second.stop();
      rmSync(keep, { recursive: true, force: true });
    }
  });

  describe('a database of a test file', () => {
    let database: Awaited<ReturnType<typeof createPgTestDatabase>>;
    let client: pg.Client;
    beforeAll(async () => {
      database = await createPgTestDatabase();
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
    });
    afterAll(async () => {
      await client.end();
      await database.drop();
    });

    it('is migrated, listens on the loopback address only, and is gone once dropped', async () => {
      const tables = await client.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'",
      );
      expect(tables.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(['reports', 'materials', 'sync_counters', 'audit_events']),
      );
      const trgm = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'");
      expect(trgm.rowCount).toBe(1);
      const listen = await client.query<{ value: string }>(
        "SELECT current_setting('listen_addresses') AS value",
      );
      expect(listen.rows[0]?.value).toBe('127.0.0.1');

      const other = await createPgTestDatabase();
      await other.drop();
      const left = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        new URL(other.url).pathname.slice(1),
      ]);
      expect(left.rowCount).toBe(0);
    });
  });
});
