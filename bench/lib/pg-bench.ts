import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migratePg } from '../../server/db/pg-migrate';
import { type PgCluster, startPgCluster } from '../../server/testing/pg-cluster';
import { processIds, procStat } from '../../server/testing/proc';

const TEMPLATE = 'webtagger_bench_template';

/** A throwaway PostgreSQL cluster of one measure, as the tests start theirs (pg-cluster.ts). */
export type BenchCluster = {
  cluster: PgCluster;
  /** Creates a fresh database with the current schema and returns its URL. */
  database(name: string): Promise<string>;
  /** CPU time the cluster's processes have used so far (live backends and ended ones), seconds. */
  cpuSeconds(): number;
};

/** Runs `use` on a cluster started for it, and stops the cluster after, also when `use` fails. */
export async function withPgCluster<T>(use: (bench: BenchCluster) => Promise<T>): Promise<T> {
  const cluster = await startPgCluster();
  try {
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    // Migrated once; each database is then a file copy of it, as the tests do.
    await admin(`CREATE DATABASE ${TEMPLATE}`);
    const template = new pg.Pool({ connectionString: cluster.urlOf(TEMPLATE), max: 1 });
    await migratePg(template);
    await template.end();
    const postmaster = Number(
      readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return await use({
      cluster,
      async database(name) {
        await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE} STRATEGY FILE_COPY`);
        return cluster.urlOf(name);
      },
      cpuSeconds: () => clusterCpuSeconds(postmaster),
    });
  } finally {
    cluster.stop();
  }
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
