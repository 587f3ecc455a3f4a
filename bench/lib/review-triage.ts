import { decideInBulk } from '../../server/features/review/bulk-decision-service';
import { listMaterials } from '../../server/features/review/materials-list';
import type { Storage } from '../../server/storage';
import { materialsQuerySchema } from '../../shared/schemas/review';
import type { BenchContext, MeasureResult } from './measure';
import { median, percentile, round } from './stats';

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
 * P11 on one engine's storage holding the big database: the read model caught up, the queue's
 * first page of 50 under each filter and sort (through the service, summaries and claims
 * included, "open to" one reviewer), then one decision on 500 submitted materials.
 */
export async function measureTriage(
  storage: Storage,
  ctx: BenchContext,
  setup: { reports: number; reviewer: string; engine: string; loaded: string },
): Promise<MeasureResult> {
  const samples = ctx.quick ? 10 : 30;
  let began = performance.now();
  await storage.review.refresh();
  const catchUp = performance.now() - began;
  ctx.progress(`read model caught up in ${round(catchUp)} ms`);

  const times: number[] = [];
  const perQuery = QUERIES.map(() => [] as number[]);
  for (let i = 0; i < samples + WARM_UP; i++) {
    for (const [q, query] of QUERIES.entries()) {
      began = performance.now();
      await listMaterials(storage, query, { openTo: setup.reviewer });
      const ms = performance.now() - began;
      if (i >= WARM_UP) {
        times.push(ms);
        perQuery[q]!.push(ms);
      }
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
    byUserId: setup.reviewer,
    at: new Date(),
    ip: '127.0.0.1',
  });
  const bulkMs = performance.now() - began;
  const applied = result.results.filter((r) => r.outcome === 'applied').length;
  if (applied !== BULK) throw new Error(`${applied} of ${BULK} decisions applied`);
  const label = setup.reports >= 1_000_000 ? '1 M' : `${setup.reports / 1000} k`;
  const medians = perQuery.map((t) => round(median(t))).join(' / ');
  ctx.progress(
    `first page median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms (medians per query ${medians}); bulk ${round(bulkMs)} ms`,
  );
  return {
    value: percentile(times, 95),
    unit: `ms p95 at ${label}`,
    display: `page p95 ${round(percentile(times, 95))} ms at ${label}; ${BULK} decisions ${round(bulkMs / 1000)} s`,
    figures: { pageMedianMs: median(times), bulkSeconds: bulkMs / 1000, catchUpMs: catchUp },
    notes: [
      `The P2 database of ${label} reports on ${setup.engine} (${setup.loaded}), its read model caught up first (${round(catchUp / 1000)} s, once).`,
      `The queue's first page of 50 through the service (summaries, claims, "open to" one reviewer) under ${QUERIES.length} filter and sort combinations`,
      `(none; status + last change; topic + title; language + report count; region + status; status + topic + last change ascending), ${samples} rounds after ${WARM_UP} warm-up:`,
      `median ${round(median(times))} ms, p95 ${round(percentile(times, 95))} ms; medians per combination ${medians} ms.`,
      `One decision (take into review) on ${BULK} submitted materials, each its own transaction with its claim and version check, audited and custody-logged: ${round(bulkMs)} ms.`,
      'In process, without HTTP.',
    ],
  };
}
