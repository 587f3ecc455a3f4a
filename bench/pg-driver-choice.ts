// `npx tsx bench/pg-driver-choice.ts`: how the two PostgreSQL drivers drizzle supports carry the
// server's kind of write (batched upserts in one transaction), on a throwaway cluster. It chose
// the driver (docs/deploy.md cites its figures); run it again before changing drivers.
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgresJs } from 'drizzle-orm/postgres-js';
import pg from 'pg';
import postgres from 'postgres';
import { startPgCluster } from '../server/testing/pg-cluster';

const rows = pgTable('driver_choice', {
  id: text('id').primaryKey(),
  n: integer('n').notNull(),
  body: text('body').notNull(),
});

const ROWS = 20_000;
const BATCH = 500;
const ROUNDS = 3;

async function measure(name: string, db: ReturnType<typeof drizzleNodePg>): Promise<number[]> {
  await db.execute(sql`DROP TABLE IF EXISTS driver_choice`);
  await db.execute(
    sql`CREATE TABLE driver_choice (id text PRIMARY KEY, n integer NOT NULL, body text NOT NULL)`,
  );
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let first = 0; first < ROWS; first += BATCH) {
      await db.transaction(async (tx) => {
        const values = Array.from({ length: BATCH }, (_, i) => ({
          id: `r${first + i}`,
          n: round,
          body: `report ${first + i} of round ${round}`.padEnd(200, '.'),
        }));
        await tx
          .insert(rows)
          .values(values)
          .onConflictDoUpdate({
            target: rows.id,
            set: { n: sql`excluded.n`, body: sql`excluded.body` },
          });
      });
    }
    times.push(performance.now() - started);
  }
  console.log(
    `${name}, multi-row: ${times.map((t) => `${Math.round((ROWS / t) * 1000)} rows/s`).join(', ')}`,
  );
  // One statement per row, as a push batch writes each report.
  const single: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let first = 0; first < ROWS / 10; first += BATCH) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < BATCH; i++) {
          await tx
            .insert(rows)
            .values({ id: `r${first + i}`, n: round, body: 'one row' })
            .onConflictDoUpdate({ target: rows.id, set: { n: sql`excluded.n` } });
        }
      });
    }
    single.push(performance.now() - started);
  }
  console.log(
    `${name}, row by row: ${single.map((t) => `${Math.round((ROWS / 10 / t) * 1000)} rows/s`).join(', ')}`,
  );
  return times;
}

const cluster = await startPgCluster();
try {
  const pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  await measure('node-postgres (pg)', drizzleNodePg(pool));
  await pool.end();
  const client = postgres(cluster.url, { max: 4, onnotice: () => {} });
  await measure(
    'postgres.js',
    drizzlePostgresJs(client) as unknown as ReturnType<typeof drizzleNodePg>,
  );
  await client.end();
} finally {
  cluster.stop();
}
