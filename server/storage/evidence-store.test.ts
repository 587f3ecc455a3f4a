import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkChain } from '../features/evidence/custody';
import { recordReportsReceived, recordViewed } from '../features/evidence/custody-service';
import { pushMutations } from '../features/sync/push-service';
import { deleteOf, sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';
import type { Storage } from '.';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

// The migration that added report_files, and filled it from the reports already held.
const BACKFILL = {
  SQLite: 'db/migrations/0010_report_files.sql',
  PostgreSQL: 'db/pg-migrations/0006_report_files.sql',
};

describe.each(STORAGE_ENGINES)(
  'evidence, time-stamps and custody on $engine',
  ({ engine, open }) => {
    const analyst = testUser();
    const reviewer = testUser({ role: 'reviewer' });
    const t = freshStorageEach(open, analyst, reviewer);

    const upload = (storage: Storage, sha256: string, at = NOW) =>
      storage.evidence.insertEvidence({
        sha256,
        mime: 'image/png',
        bytes: 100,
        uploadedBy: analyst.id!,
        at,
      });

    /** Pushes a report with a screenshot and a page copy; answers its material's id. */
    async function reportWithFiles(screenshot: string, pageCopy: string) {
      await upload(t.storage, screenshot);
      await upload(t.storage, pageCopy);
      const report = sampleReport({
        evidence: { sha256: screenshot, mime: 'image/png', bytes: 100 },
        files: [{ sha256: pageCopy, mime: 'text/html', bytes: 100, kind: 'page_copy' }],
      });
      const [result] = await pushMutations(t.storage, analyst.id!, [upsertOf(report)], NOW);
      expect(result?.status).toBe('applied');
      const [materialId] = await t.storage.evidence.materialsOfReports([report.id]);
      return { report, materialId: materialId! };
    }

    it('keeps one record per content, however many uploads of it race', async () => {
      const replica = await t.openReplica();
      const file = sha('the same bytes');
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => upload(i % 2 ? replica : t.storage, file)),
      );
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(await t.storage.evidence.allEvidence()).toHaveLength(1);
      expect(await replica.evidence.evidenceRow(file)).toMatchObject({ mime: 'image/png' });
    });

    it('finds the files of a material and the materials of a file, and logs them once', async () => {
      const [screenshot, pageCopy] = [sha('screenshot'), sha('page copy')];
      const { report, materialId } = await reportWithFiles(screenshot, pageCopy);
      const files = await t.storage.evidence.filesOfMaterial(materialId);
      expect(files.map((f) => [f.sha256, f.kind, f.reportId])).toEqual([
        [screenshot, 'screenshot', report.id],
        [pageCopy, 'page_copy', report.id],
      ]);
      expect(await t.storage.evidence.materialsReferencing(pageCopy)).toEqual([materialId]);
      expect(await t.storage.evidence.materialsReferencing(sha('unknown'))).toEqual([]);

      await recordReportsReceived(t.storage, [{ id: report.id, version: 1 }], NOW);
      const log = await t.storage.evidence.custodyLog(materialId);
      const types = log.map((row) => (JSON.parse(row.event) as { type: string }).type);
      expect(types.filter((type) => type === 'report_received')).toHaveLength(1);
      expect(types.filter((type) => type === 'evidence_received')).toHaveLength(2);
      expect(checkChain(materialId, log)).toEqual([]);
      // Catching up again finds nothing the log lacks.
      await recordReportsReceived(t.storage, [{ id: report.id, version: 1 }], later(1));
      expect(await t.storage.evidence.custodyLog(materialId)).toEqual(log);
      expect(await t.storage.evidence.materialsWithCustody()).toEqual([materialId]);
    });

    it('finds a file’s reports and materials by the live reports that list it now', async () => {
      const file = sha('shared page copy');
      const copy = {
        sha256: file,
        mime: 'text/html' as const,
        bytes: 100,
        kind: 'page_copy' as const,
      };
      const listing = sampleReport({ url: 'https://one.example/page', files: [copy] });
      const shot = sampleReport({
        url: 'https://two.example/page',
        evidence: { sha256: file, mime: 'image/png', bytes: 100 },
      });
      await pushMutations(t.storage, analyst.id!, [upsertOf(listing), upsertOf(shot)], NOW);
      const [one] = await t.storage.evidence.materialsOfReports([listing.id]);
      const [two] = await t.storage.evidence.materialsOfReports([shot.id]);
      expect((await t.storage.evidence.materialsReferencing(file)).sort()).toEqual(
        [one, two].sort(),
      );
      expect((await t.storage.evidence.reportsReferencing(file)).sort()).toEqual(
        [listing.id, shot.id].sort(),
      );
      expect(await t.storage.evidence.reportsReferencing(sha('unknown'))).toEqual([]);
      // A report that no longer lists the file, and a withdrawn one, do not count.
      await pushMutations(t.storage, analyst.id!, [upsertOf({ ...listing, files: [] })], later(1));
      expect(await t.storage.evidence.materialsReferencing(file)).toEqual([two]);
      expect(await t.storage.evidence.reportsReferencing(file)).toEqual([shot.id]);
      await pushMutations(t.storage, analyst.id!, [deleteOf(shot.id)], later(2));
      expect(await t.storage.evidence.materialsReferencing(file)).toEqual([]);
      expect(await t.storage.evidence.reportsReferencing(file)).toEqual([]);
      // Listing it again counts again.
      await pushMutations(t.storage, analyst.id!, [upsertOf(listing)], later(3));
      expect(await t.storage.evidence.materialsReferencing(file)).toEqual([one]);
      expect(await t.storage.evidence.reportsReferencing(file)).toEqual([listing.id]);
    });

    it('lists the files of the reports held before report_files existed, once migrated', async () => {
      const { materialId } = await reportWithFiles(sha('old screenshot'), sha('old copy'));
      const run = async (text: string) => {
        // The storage of either engine holds its drizzle handle as `db`.
        const { db } = t.storage as unknown as {
          db: { run?: (q: SQL) => unknown; execute?: (q: SQL) => Promise<unknown> };
        };
        await (db.run ? db.run(sql.raw(text)) : db.execute!(sql.raw(text)));
      };
      await run('DELETE FROM report_files');
      expect(await t.storage.evidence.materialsReferencing(sha('old copy'))).toEqual([]);
      const migration = readFileSync(join(import.meta.dirname, '..', BACKFILL[engine]), 'utf8');
      const backfill = migration
        .split('--> statement-breakpoint')
        .find((s) => s.includes('INSERT'));
      await run(backfill!);
      for (const file of [sha('old screenshot'), sha('old copy')]) {
        expect(await t.storage.evidence.materialsReferencing(file)).toEqual([materialId]);
      }
    });

    it('keeps a material’s custody log one chain when two processes append at once', async () => {
      const replica = await t.openReplica();
      const { report, materialId } = await reportWithFiles(sha('a'), sha('b'));
      await recordReportsReceived(t.storage, [{ id: report.id, version: 1 }], NOW);
      const before = (await t.storage.evidence.custodyLog(materialId)).length;
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          recordViewed(
            i % 2 ? replica : t.storage,
            materialId,
            { id: reviewer.id!, via: i % 2 ? 'api' : 'console' },
            later(i),
          ),
        ),
      );
      const log = await replica.evidence.custodyLog(materialId);
      expect(log).toHaveLength(before + 20);
      expect(log.map((row) => row.seq)).toEqual(log.map((_, i) => i + 1));
      expect(checkChain(materialId, log)).toEqual([]);
    });

    it('gives each due file to one time-stamp run, again once its lease ran out, never once stamped', async () => {
      const replica = await t.openReplica();
      const files = Array.from({ length: 7 }, (_, i) => sha(`file ${i}`));
      for (const [i, file] of files.entries()) await upload(t.storage, file, later(i));
      const claim = (storage: Storage, now = NOW) =>
        storage.evidence.claimDueForTimestamp({
          now,
          leaseUntil: new Date(now.getTime() + 30 * 60_000),
          limit: 2,
        });

      // Four runs, two per process, claim at once until each finds nothing left: each file is
      // handed out once.
      const taken: { sha256: string; attempts: number }[] = [];
      const run = async (storage: Storage) => {
        for (;;) {
          const batch = await claim(storage);
          if (batch.length === 0) return;
          taken.push(...batch);
        }
      };
      await Promise.all([run(t.storage), run(replica), run(t.storage), run(replica)]);
      expect(taken.map((due) => due.sha256).sort()).toEqual([...files].sort());
      expect(taken.every((due) => due.attempts === 0)).toBe(true);
      expect(await claim(t.storage, later(29))).toEqual([]);

      const [stamped, failed] = files as [string, string];
      await t.storage.evidence.recordTimestamp({
        sha256: stamped,
        genTime: NOW.toISOString(),
        tokenSha256: sha('token'),
        tsaUrl: 'http://tsa.test/',
        at: later(1),
      });
      await replica.evidence.recordTimestampFailure({
        sha256: failed,
        error: 'the authority did not answer',
        nextAttemptAt: later(90),
      });
      // The other files' lease ran out: they are due again, the stamped one never, the failed one
      // at its retry.
      const again = await claim(t.storage, later(31));
      expect(again.map((due) => due.sha256)).toEqual([files[2], files[3]]);
      const afterRetry = await t.storage.evidence.claimDueForTimestamp({
        now: later(91),
        leaseUntil: later(121),
        limit: 10,
      });
      expect(afterRetry.map((due) => due.sha256)).toEqual([failed, ...files.slice(2)]);
      expect(afterRetry[0]?.attempts).toBe(1);
      const stamps = await t.storage.evidence.stampedTimestamps();
      expect(stamps.map((s) => [s.sha256, s.attempts, s.lastError])).toEqual([[stamped, 1, null]]);
      const [failedRow] = await t.storage.evidence.timestampRows([failed]);
      expect(failedRow).toMatchObject({ attempts: 1, lastError: 'the authority did not answer' });
    });
  },
);
