import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '#shared/url-key';
import { openPgStorage, type PgStorage } from '../../db/pg-open';
import * as pgSchema from '../../db/pg-schema';
import { pushMutations } from '../../features/sync/push-service';
import { createPgTestDatabase } from '../../testing/pg-database';
import { sampleReport, upsertOf } from '../../testing/reports';
import { testUser } from '../../testing/storage-engines';
import { preloadQuery } from './push-preload';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const HELD = 2_000;
const BATCH = 500;

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** Every table the plan reads whole (a sequential scan rather than look-ups through an index). */
function scannedWhole(plan: PlanNode): string[] {
  const own =
    plan['Relation Name'] && plan['Node Type'] === 'Seq Scan' ? [plan['Relation Name']] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(scannedWhole)];
}

// The preload runs under the change counter's lock, which every push waits for: planned as scans
// of whole tables, it held the lock longer the more reports the server held.
describe('the push’s preload on PostgreSQL', () => {
  let storage: PgStorage;
  let cleanup: () => Promise<void>;
  const analyst = testUser();
  const userId = analyst.id!;
  const reports = Array.from({ length: HELD }, () => sampleReport());
  const mutations = reports.map(upsertOf);

  beforeAll(async () => {
    const database = await createPgTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'webtagger-push-reads-'));
    storage = await openPgStorage(database.url, dir);
    await storage.db.insert(pgSchema.users).values(analyst);
    for (let i = 0; i < HELD; i += BATCH) {
      await pushMutations(storage, userId, mutations.slice(i, i + BATCH), NOW);
    }
    cleanup = async () => {
      await storage.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  }, 120_000);
  afterAll(() => cleanup());

  async function tablesScanned(statement: ReturnType<typeof sql>) {
    const result = await storage.db.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      sql`EXPLAIN (FORMAT JSON) ${statement}`,
    );
    return scannedWhole(result.rows[0]!['QUERY PLAN'][0].Plan);
  }

  // Half of a batch names reports and materials already held, half new ones.
  const batch = [
    ...reports.slice(0, BATCH / 2),
    ...Array.from({ length: BATCH / 2 }, () => sampleReport()),
  ];

  it('preloads a batch by probing each key rather than scanning the tables', async () => {
    expect(await storage.db.$count(pgSchema.reports)).toBe(HELD);
    const statement = preloadQuery({
      userId,
      mutationIds: [
        ...mutations.slice(0, BATCH / 2).map((m) => m.id),
        ...Array.from({ length: BATCH / 2 }, () => randomUUID()),
      ],
      reportIds: batch.map((r) => r.id),
      urlKeys: batch.map((r) => canonicalUrl(r.url)),
      claimsDocument: true,
    });
    const scanned = await tablesScanned(statement);
    for (const table of ['applied_mutations', 'reports', 'materials']) {
      expect(scanned).not.toContain(table);
    }
    // …and still finds what is held: the probes answer the same as a look-up by list would.
    const [row] = (await storage.db.execute<Record<string, unknown[]>>(statement)).rows;
    expect(row!.applied).toHaveLength(BATCH / 2);
    expect(row!.held).toHaveLength(BATCH / 2);
    expect(row!.materials).toHaveLength(BATCH / 2);
  });
});
