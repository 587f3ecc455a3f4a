import type { MeasureResult } from './lib/measure';

/** One row of targets.md: what is measured and when it is met. */
export type Target = {
  id: string;
  what: string;
  target: string;
  met(result: MeasureResult): boolean;
};

/** The speed and scale targets (targets.md), in table order; a missing measure leaves its slot. */
export const TARGETS: readonly Target[] = [
  {
    id: 'P1',
    what: 'push ingest over HTTP, batches of 500 (reports/s)',
    target: '≥ 0.8 × raw better-sqlite3',
    met: (r) => (r.ratio ?? 0) >= 0.8,
  },
  {
    id: 'P1-pg',
    what: 'the same push ingest on PostgreSQL (reports/s)',
    target: '≥ 0.5 × raw pg batched upserts',
    met: (r) => (r.ratio ?? 0) >= 0.5,
  },
  {
    id: 'P2',
    what: 'pull of a 500-change page at 1 M reports ÷ at 10 k',
    target: 'ratio ≤ 1.2',
    met: (r) => (r.ratio ?? Number.POSITIVE_INFINITY) <= 1.2,
  },
  {
    id: 'P2-pg',
    what: 'the same pull on PostgreSQL: 500-change page at 1 M reports ÷ at 10 k',
    target: 'ratio ≤ 1.2',
    met: (r) => (r.ratio ?? Number.POSITIVE_INFINITY) <= 1.2,
  },
  {
    id: 'P3',
    what: '10 000 reports queued offline in the extension until all accepted',
    target: '< 5 s',
    met: (r) => r.value < 5,
  },
  {
    id: 'P4',
    what: 'popup: its own timeline from navigation start to a filled, usable form, 100 k reports cached',
    target: 'p95 < 100 ms',
    met: (r) => r.value < 100,
  },
  {
    id: 'P5',
    what: 'already-reported lookup with 1 M known hashes',
    target: 'p95 < 1 ms',
    met: (r) => r.value < 1,
  },
  {
    id: 'P6',
    what: 'personal-data detector: 2 000-char note; long text',
    target: 'p95 < 0.5 ms; ≥ 20 MB/s',
    met: (r) => r.value < 0.5 && (r.figures?.throughputMBps ?? 0) >= 20,
  },
  {
    id: 'P7',
    what: 'extension popup JavaScript, gzip',
    target: '≤ 30 KB',
    met: (r) => r.value <= 30,
  },
  {
    id: 'P8',
    what: 'server memory with 1 M reports under push/pull load',
    target: 'RSS < 160 MB',
    met: (r) => r.value < 160,
  },
  {
    id: 'P9',
    what: 'evidence: Save to queued with capture of a 10-screen page; 10 k offline queue with evidence ÷ without',
    target: 'p95 < 1.5 s; ratio ≤ 1.2',
    met: (r) => r.value < 1.5 && (r.ratio ?? Number.POSITIVE_INFINITY) <= 1.2,
  },
  {
    id: 'P10',
    what: 're-checks: 1 000 materials on local test hosts, bounded concurrency and per-host politeness',
    target: '< 30 s, memory flat',
    met: (r) =>
      r.value < 30 &&
      r.figures?.checks === 1000 &&
      (r.figures?.peakConcurrent ?? Number.POSITIVE_INFINITY) <= (r.figures?.concurrency ?? 0) &&
      r.figures?.politenessViolations === 0 &&
      (r.figures?.rssGrowthMB ?? Number.POSITIVE_INFINITY) < 20,
  },
  {
    id: 'P11',
    what: "reviewers' queue: first page under filters and sorting at 1 M reports; one decision on 500 materials",
    target: 'p95 < 200 ms; < 30 s',
    met: (r) => r.value < 200 && (r.figures?.bulkSeconds ?? Number.POSITIVE_INFINITY) < 30,
  },
  {
    id: 'P11-pg',
    what: 'P11 on PostgreSQL: the same data, queue pages and 500 decisions',
    target: 'p95 < 200 ms; < 30 s',
    met: (r) => r.value < 200 && (r.figures?.bulkSeconds ?? Number.POSITIVE_INFINITY) < 30,
  },
];
