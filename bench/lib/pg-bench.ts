import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migratePg } from '../../server/db/pg-migrate';
import { findPgBinaries, type PgCluster, startPgCluster } from '../../server/testing/pg-cluster';
import { processIds, procStat } from '../../server/testing/proc';
import { contentHash } from './content-hash';

const TEMPLATE = 'webtagger_bench_template';

/** A throwaway PostgreSQL cluster of one measure, as the tests start theirs (pg-cluster.ts). */
export type BenchCluster = {
  cluster: PgCluster;
  /** Creates a fresh database with the current schema and returns its URL. */
  database(name: string): Promise<string>;
  /**
   * The database `name` as `load` fills it from `source` (a name for what it loads, which changes
   * when that does): loaded into a fresh database, and kept with the cluster's saved copy where
   * the cluster has one (`withPgCluster`'s `saved`), so that a later run finds it loaded from the
   * same source. `seconds` is how long the load took when it was made.
   */
  loaded(name: string, source: string, load: (url: string) => Promise<void>): Promise<Loaded>;
  /** CPU time the cluster's processes have used so far (live backends and ended ones), seconds. */
  cpuSeconds(): number;
};

export type Loaded = { url: string; seconds: number; saved: boolean };

/**
 * Where a cluster's data folder is kept between runs (`saved`): under the bench's cache, named by
 * `name` and by what every database in it depends on — the schema, the copy from SQLite and the
 * PostgreSQL binaries. A stale copy of the same name is removed when a new one is made.
 */
export type SavedCluster = { cacheDir: string; name: string };

/** Beside the saved data folder: each database's source and the seconds its load took. */
const LOADS = 'loads.json';
type Loads = Record<string, { source: string; seconds: number }>;
/** What every database of a saved cluster was made by, besides the PostgreSQL binaries. */
const MADE_BY = ['server/db/pg-migrations', 'bench/lib/pg-copy.ts'];

function savedDir({ cacheDir, name }: SavedCluster): string {
  return join(cacheDir, `pg-${name}-${contentHash(MADE_BY, findPgBinaries())}`);
}

/**
 * Runs `use` on a cluster started for it, and stops the cluster after, also when `use` fails.
 * With `saved`, the cluster starts from the copy kept under the cache (its loaded databases in it),
 * and a database loaded anew is saved with it.
 */
export async function withPgCluster<T>(
  use: (bench: BenchCluster) => Promise<T>,
  saved?: SavedCluster,
): Promise<T> {
  const keep = saved && savedDir(saved);
  const from = keep && existsSync(join(keep, LOADS)) ? keep : undefined;
  const cluster = await startPgCluster({ from: from && join(from, 'data') });
  try {
    /** One statement on the cluster's `postgres` database; how many rows it returned. */
    const admin = async (statement: string, values: unknown[] = []) => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        return (await client.query(statement, values)).rowCount ?? 0;
      } finally {
        await client.end();
      }
    };
    const exists = async (name: string) =>
      (await admin('SELECT 1 FROM pg_database WHERE datname = $1', [name])) > 0;
    // Kept with the copy: which source each database holds, and how long its load took.
    const loads: Loads = from ? JSON.parse(readFileSync(join(from, LOADS), 'utf8')) : {};
    // Migrated once; each database is then a file copy of it, as the tests do. Saved, a later run
    // starts from the migrated cluster rather than from initdb.
    if (!(await exists(TEMPLATE))) {
      await admin(`CREATE DATABASE ${TEMPLATE}`);
      const template = new pg.Pool({ connectionString: cluster.urlOf(TEMPLATE), max: 1 });
      await migratePg(template);
      await template.end();
      if (keep) saveCluster(cluster, keep, loads);
    }
    const database = async (name: string) => {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`);
      return cluster.urlOf(name);
    };
    const postmaster = () =>
      Number(readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return await use({
      cluster,
      database,
      async loaded(name, source, load) {
        const url = cluster.urlOf(name);
        const found = loads[name];
        const present = await exists(name);
        if (present && found?.source === source)
          return { url, seconds: found.seconds, saved: true };
        if (present) await admin(`DROP DATABASE ${name}`);
        const began = performance.now();
        await load(await database(name));
        loads[name] = { source, seconds: (performance.now() - began) / 1000 };
        if (keep) saveCluster(cluster, keep, loads);
        return { url, seconds: loads[name].seconds, saved: false };
      },
      // Read each time: saving the cluster restarts it.
      cpuSeconds: () => clusterCpuSeconds(postmaster()),
    });
  } finally {
    cluster.stop();
  }
}

/** Replaces the saved copy at `keep` (and any stale one of the same name) with the cluster's. */
function saveCluster(cluster: PgCluster, keep: string, loads: Loads): void {
  const prefix = keep.slice(0, keep.lastIndexOf('-') + 1);
  const cacheDir = join(keep, '..');
  for (const stale of readdirSync(cacheDir).map((f) => join(cacheDir, f))) {
    if (stale.startsWith(prefix)) rmSync(stale, { recursive: true, force: true });
  }
  const building = `${prefix}building`;
  mkdirSync(building);
  cluster.saveTo(join(building, 'data'));
  // Written last: a copy without it is not used.
  writeFileSync(join(building, LOADS), JSON.stringify(loads));
  renameSync(building, keep);
}

/**
 * The postmaster's own CPU time, that of its ended children (reaped by it), and that of its live
 * children (backends, writers), from /proc — as root the cluster runs as another account.
 */
function clusterCpuSeconds(postmaster: number): number {
  let seconds = 0;
  for (const pid of processIds()) {
    const stat = procStat(pid);
    if (!stat) continue; // ended meanwhile
    if (pid === postmaster) seconds += stat.cpuSeconds + stat.reapedChildrenCpuSeconds;
    else if (stat.ppid === postmaster) seconds += stat.cpuSeconds;
  }
  return seconds;
}
