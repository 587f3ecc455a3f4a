import { join } from 'node:path';
import { openStorage } from '../../server/db/open';
import { decideInBulk } from '../../server/features/review/bulk-decision-service';
import { listMaterials } from '../../server/features/review/materials-list';
import { materialsQuerySchema } from '../../shared/schemas/review';
import { bigDatabase, copyDatabase } from '../lib/big-database';
import type { Measure } from '../lib/measure';
import { median, percentile, round } from '../lib/stats';

const BULK = 500;
const WARM_UP = 3;

/** The queue's first page under filters and sorts a reviewer would combine. */
const QUERIES = [
  {},
  { status: 'submitted', sort: 'updated', dir: 'desc' },
  { topic: 'gambling', sort: 'title', dir: 'asc' },
  { language: 'kk', sort: 'reports', dir: 'desc' },
  { region: 'KZ-75', sort: 'status', dir: 'asc' },
  { status: 'under_review', topic: 'drugs', sort: 'updated', dir: 'asc' },
].map((q) => materialsQuerySchema.parse({ ...q, limit: 50 }));

/**
 * P11: the reviewers' queue at scale — the first page of 50 under filters and sorting, at 1 M
 * reports (through the service, summaries and claims included), and one decision on 500
 * selected materials, each in its own transaction with its own version check.
 */
export const measure: Measure = {
  id: 'P11',
  async run(ctx) {
    const reports = ctx.quick ? 100_000 : 1_000_000;
    const samples = ctx.quick ? 10 : 30;
    const source = await bigDatabase(ctx.cacheDir, reports, ctx.progress);
    const dir = join(ctx.workDir, 'triage');
    copyDatabase(source.dir, dir);
    const storage = openStorage(dir);
    try {
      let began = performance.now();
      await storage.review.refresh();
      const catchUp = performance.now() - began;
      ctx.progress(`read model caught up in ${round(catchUp)} ms`);

      const times: number[] = [];
      for (let i = 0; i < samples + WARM_UP; i++) {
        for (const query of QUERIES) {
          began = performance.now();
          await listMaterials(storage, query, { openTo: source.analysts[0] });
          if (i >= WARM_UP) times.push(performance.now() - began);
        }
      }

      const open = await storage.review.materialsPage(
        { ...materialsQuerySchema.parse({ status: 'submitted' }), limit: BULK },
        undefined,
      );
      if (open.length < BULK) throw new Error(`only ${open.length} submitted materials`);
      began = performance.now();
      const result = await decideInBulk(storage, {
        status: 'under_review',
        comment: '',
        materials: open.slice(0, BULK).map((m) => ({ id: m.id, expectedVersion: m.version })),
        byUserId: source.analysts[0]!,
        at: new Date(),
        ip: '127.0.0.1',
      });
      const bulkMs = performance.now() - began;
      const applied = result.results.filter((r) => r.outcome === 'applied').length;
      if (applied !== BULK) throw new Error(`${applied} of ${BULK} decisions applied`);
      const label = reports >= 1_000_000 ? '1 M' : `${reports / 1000} k`;
      ctx.progress(
        `first page median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms; bulk ${round(bulkMs)} ms`,
      );
      return {
        value: percentile(times, 95),
        unit: `ms p95 at ${label}`,
        display: `page p95 ${round(percentile(times, 95))} ms at ${label}; ${BULK} decisions ${round(bulkMs / 1000)} s`,
        figures: { pageMedianMs: median(times), bulkSeconds: bulkMs / 1000, catchUpMs: catchUp },
        notes: [
          `The P2 database of ${label} reports (SQLite), its read model caught up first (${round(catchUp / 1000)} s, once).`,
          `The queue's first page of 50 through the service (summaries, claims, "open to" one reviewer) under ${QUERIES.length} filter and sort combinations`,
          `(none; status + last change; topic + title; language + report count; region + status; status + topic + last change ascending), ${samples} rounds after ${WARM_UP} warm-up:`,
          `median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms.`,
          `One decision (take into review) on ${BULK} submitted materials, each its own transaction and version check, audited and custody-logged: ${round(bulkMs)} ms.`,
          'In process, without HTTP; PostgreSQL not measured here (the store tests run both engines).',
        ],
      };
    } finally {
      storage.close();
    }
  },
};
