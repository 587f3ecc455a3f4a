import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPgStorage, type PgStorage } from '../../db/pg-open';
import * as pgSchema from '../../db/pg-schema';
import { pushMutations } from '../../features/sync/push-service';
import { createPgTestDatabase } from '../../testing/pg-database';
import { sampleReport, upsertOf } from '../../testing/reports';
import { testUser } from '../../testing/storage-engines';
import type { CustodyAppend } from '../evidence-facts';
import { insertCustodyEvents } from './custody-append';

const NOW = new Date('2026-11-24T10:00:00.000Z');

// An event's text is what its hash covers: the log must hold it exactly as it was sealed.
describe('custody events appended on PostgreSQL', () => {
  let storage: PgStorage;
  let cleanup: () => Promise<void>;
  let materialId: string;

  beforeEach(async () => {
    const database = await createPgTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'webtagger-custody-append-'));
    storage = await openPgStorage(database.url, dir);
    const analyst = testUser();
    await storage.db.insert(pgSchema.users).values(analyst);
    const report = sampleReport();
    await pushMutations(storage, analyst.id!, [upsertOf(report)], NOW);
    [materialId] = (await storage.evidence.materialsOfReports([report.id])) as [string];
    cleanup = async () => {
      await storage.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterEach(() => cleanup());

  const eventsAt = (first: number, texts: string[]): CustodyAppend[] =>
    texts.map((event, i) => ({
      materialId,
      seq: first + i,
      type: 'viewed',
      at: NOW.toISOString(),
      hash: String(first + i).padStart(64, '0'),
      event,
    }));

  async function appendedTexts(rows: CustodyAppend[]) {
    await storage.db.execute(insertCustodyEvents(rows));
    const log = await storage.evidence.custodyLog(materialId);
    return log.filter((row) => rows.some((r) => r.seq === row.seq)).map((row) => row.event);
  }

  it('keeps each event’s text as sent, with what JSON escapes and numbers as written', async () => {
    const texts = [
      '{"type":"viewed","note":"кавычки \\" и \\\\ обратная черта, таб\\t, NUL \\u0000"}',
      '{"type":"viewed","n":1.50e2,"emoji":"😀","nested":{"b":[1,2,{"c":null}]}}',
      '{"type":"viewed","url":"https://casino.example.kz/promo?a=1&b=%D0%BA"}',
    ];
    expect(await appendedTexts(eventsAt(100, texts))).toEqual(texts);
  });

  it('keeps an escaped lone surrogate, which PostgreSQL would refuse to unescape, as sent', async () => {
    const texts = [
      '{"type":"viewed","note":"before"}',
      '{"type":"viewed","note":"lone \\ud800 surrogate"}',
      '{"type":"viewed","note":"a backslash before ud: \\\\udfff"}',
    ];
    expect(await appendedTexts(eventsAt(200, texts))).toEqual(texts);
  });
});
