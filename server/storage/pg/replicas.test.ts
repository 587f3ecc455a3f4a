import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { materialsQuerySchema } from '#shared/schemas/review';
import { openPgStorage, type PgStorage } from '../../db/pg-open';
import * as pgSchema from '../../db/pg-schema';
import { listMaterials } from '../../features/review/materials-list';
import { knownUrlHashes } from '../../features/sync/known-urls-service';
import { pullChanges } from '../../features/sync/pull-service';
import { pushMutations } from '../../features/sync/push-service';
import { createPgTestDatabase } from '../../testing/pg-database';
import { sampleReport, upsertOf } from '../../testing/reports';
import { testUser } from '../../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');

// Two server processes on one database are two connection pools: what one commits, the other
// must neither duplicate (a URL's material, a mutation) nor count twice (the read model).
describe('two replicas on one PostgreSQL database', () => {
  let replicas: [PgStorage, PgStorage];
  let cleanup: () => Promise<void>;
  const analysts = [testUser(), testUser()];

  beforeEach(async () => {
    const database = await createPgTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'webtagger-replicas-'));
    replicas = [await openPgStorage(database.url, dir), await openPgStorage(database.url, dir)];
    await replicas[0].db.insert(pgSchema.users).values(analysts);
    cleanup = async () => {
      for (const replica of replicas) await replica.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterEach(() => cleanup());

  it('creates each material once, applies each mutation once, and counts each report once', async () => {
    const urls = Array.from({ length: 4 }, (_, i) => `https://shared-${i}.example.kz/`);
    const batches = Array.from({ length: 16 }, (_, i) =>
      urls.map((url) => upsertOf(sampleReport({ url: `${url}?utm_campaign=${i}` }))),
    );
    await replicas[0].review.refresh();
    // Every batch is sent to both replicas at once, as a client retrying on the other would.
    const answers = await Promise.all(
      batches.flatMap((batch, i) => {
        const analyst = analysts[i % 2]!;
        return replicas.map((replica) => pushMutations(replica, analyst.id!, batch, NOW));
      }),
    );
    const statuses = answers.flat().map((r) => r.status);
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(16 * urls.length);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(16 * urls.length);
    expect((await knownUrlHashes(replicas[1], 0, 100)).hashes).toHaveLength(urls.length);

    // Reviewers on both replicas open the queue at once: the read model catches up once.
    await Promise.all(Array.from({ length: 8 }, (_, i) => replicas[i % 2]!.review.refresh()));
    expect(await replicas[1].review.totalReports({})).toBe(16 * urls.length);
    const queue = await listMaterials(replicas[0], materialsQuerySchema.parse({}));
    expect(queue.materials.map((m) => m.reportCount)).toEqual(urls.map(() => 16));

    const pulled = await pullChanges(replicas[0], analysts[0]!.id!, 0, 1000);
    expect(pulled.changes).toHaveLength(8 * urls.length);
  });
});
