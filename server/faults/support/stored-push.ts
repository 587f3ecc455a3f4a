import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * What a large push left in the database, counted with the same SQL on both engines, read
 * directly rather than through the API, which could hide a duplicate row from the caller.
 */
const FIGURES = {
  reports: 'SELECT count(*) AS n FROM reports',
  distinctIds: 'SELECT count(DISTINCT id) AS n FROM reports',
  // Each report was pushed once: a retry applied twice would have made version 2.
  versionsAboveOne: 'SELECT count(*) AS n FROM reports WHERE version <> 1',
  appliedMutations: 'SELECT count(*) AS n FROM applied_mutations',
  orphanReports:
    'SELECT count(*) AS n FROM reports r LEFT JOIN materials m ON m.id = r.material_id WHERE m.id IS NULL',
  duplicateUrlKeys: 'SELECT count(*) - count(DISTINCT url_key) AS n FROM materials',
  // The change sequence hands each change its own number (ARCHITECTURE.md, "The change sequence").
  duplicateChangeSeqs: 'SELECT count(*) - count(DISTINCT change_seq) AS n FROM reports',
} as const;

export type PushFigures = Record<keyof typeof FIGURES, number>;

/** The figures of a push of `reports` distinct reports, each applied exactly once. */
export const exactlyOnce = (reports: number): PushFigures => ({
  reports,
  distinctIds: reports,
  versionsAboveOne: 0,
  appliedMutations: reports,
  orphanReports: 0,
  duplicateUrlKeys: 0,
  duplicateChangeSeqs: 0,
});

/**
 * Counts the figures in the SQLite file of `dataDir` (with its integrity check), or in the
 * PostgreSQL database `databaseUrl` names.
 */
export async function storedPushFigures(where: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<{ figures: PushFigures; integrity: string | null }> {
  const entries = Object.entries(FIGURES) as [keyof PushFigures, string][];
  if (where.databaseUrl === undefined) {
    const sqlite = new Database(join(where.dataDir, 'webtagger.sqlite'), { readonly: true });
    try {
      const figures = Object.fromEntries(
        entries.map(([name, sql]) => [name, sqlite.prepare(sql).pluck().get() as number]),
      ) as PushFigures;
      return { figures, integrity: sqlite.pragma('integrity_check', { simple: true }) as string };
    } finally {
      sqlite.close();
    }
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  try {
    const figures = {} as PushFigures;
    for (const [name, sql] of entries) figures[name] = Number((await client.query(sql)).rows[0].n);
    // SQLite's file check has no counterpart to run here: the cluster's files are PostgreSQL's.
    return { figures, integrity: null };
  } finally {
    await client.end();
  }
}
