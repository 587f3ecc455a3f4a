import pg from 'pg';
import { startPgCluster } from '../../server/testing/pg-cluster';

/** A throwaway PostgreSQL cluster with one empty database, for a measure of its own. */
export type BenchPg = { url: string; stop(): void };

/** Starts the tests' throwaway cluster (durability off, loopback only) and creates `database`. */
export async function startBenchPg(database = 'bench'): Promise<BenchPg> {
  const cluster = await startPgCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
  } catch (error) {
    cluster.stop();
    throw error;
  }
  return { url: cluster.urlOf(database), stop: () => cluster.stop() };
}
