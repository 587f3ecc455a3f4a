// `npm run bench [-- --quick] [--only P1,P6] [--profile]` (--profile keeps the CPU profiles P1 and P1-pg take; a quick run takes them only then): runs every measure in bench/measures/
// in a process of its own, prints one table and writes it to BENCHMARKS.md (full runs).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { currentLoad, describeMachine, settle } from './lib/machine';
import type { MeasureResult } from './lib/measure';
import { benchmarksDocument, type Row, resultTable } from './lib/report';
import { TARGETS } from './targets';

const ROOT = resolve(import.meta.dirname, '..');
const MEASURES = join(import.meta.dirname, 'measures');
// Kept between runs, each entry named by what it was made from: the generated SQLite databases,
// the extension's builds, P5's filled browser profile and the loaded PostgreSQL clusters.
const CACHE = join(tmpdir(), 'webtagger-bench-cache');

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set(
      (onlyArg.split('=')[1] ?? args[args.indexOf(onlyArg) + 1] ?? '').toUpperCase().split(','),
    )
  : undefined;
const passOn = args.filter((a) => a === '--quick' || a === '--profile');

/**
 * The measure modules by target id: `p1-push-ingest.ts` measures P1, `p11-pg-review-triage.ts`
 * measures P11-pg (the same target on PostgreSQL).
 */
function measureFiles(): Map<string, string> {
  const ids = readdirSync(MEASURES)
    .filter((f) => !f.endsWith('.test.ts'))
    .map((f) => [/^(p\d+(?:-pg)?)-.*\.ts$/.exec(f)?.[1], f] as const);
  return new Map(
    ids.flatMap(([id, f]) => (id ? [[id.toUpperCase(), join(MEASURES, f)] as const] : [])),
  );
}

function runInChild(file: string): Promise<MeasureResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'webtagger-bench-'));
  const resultFile = join(scratch, 'result.json');
  const workDir = join(scratch, 'work');
  mkdirSync(workDir);
  mkdirSync(CACHE, { recursive: true });
  return new Promise<MeasureResult>((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(import.meta.dirname, 'lib/child.ts'),
        file,
        resultFile,
        workDir,
        CACHE,
        ...passOn,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      try {
        if (code !== 0) throw new Error(`exited with ${signal ?? code}`);
        done(JSON.parse(readFileSync(resultFile, 'utf8')) as MeasureResult);
      } catch (error) {
        fail(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

const startedAt = new Date();
const loadAtStart: Record<string, number> = {};
const busyAtStart: Record<string, number> = {};
const machine = describeMachine();
const files = measureFiles();
process.stdout.write(
  `WebTagger benchmarks${quick ? ' (QUICK: smaller sizes)' : ''} on ${machine.cpu}, ${machine.cores} cores; load ${currentLoad()}\n`,
);

const rows: Row[] = [];
for (const target of TARGETS) {
  const file = files.get(target.id.toUpperCase());
  if (only && !only.has(target.id.toUpperCase())) continue;
  if (!file) {
    rows.push({ target });
    continue;
  }
  // A quick run samples a quarter second at a time: its figures are a check, not a record.
  const { busy, waitedS } = await settle(quick ? 250 : 1000);
  busyAtStart[target.id] = busy;
  loadAtStart[target.id] = currentLoad();
  process.stdout.write(
    `${target.id}: ${target.what}… (load ${loadAtStart[target.id]}; ${busy} cores busy after waiting ${waitedS} s)\n`,
  );
  const began = performance.now();
  try {
    const result = await runInChild(file);
    rows.push({ target, result });
    process.stdout.write(
      `${target.id}: done in ${((performance.now() - began) / 1000).toFixed(1)} s\n`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ target, error: message });
    process.stdout.write(`${target.id}: FAILED (${message})\n`);
  }
}

const info = {
  quick,
  startedAt,
  minutes: (Date.now() - startedAt.getTime()) / 60_000,
  machine,
  loadAtStart,
  busyAtStart,
};
process.stdout.write(
  `\n${quick ? 'QUICK run (smaller sizes, not the targets’ conditions)\n' : ''}${resultTable(rows)}\n`,
);
// A quick or partial run must not overwrite the record of a full one.
const out = quick || only ? join(tmpdir(), 'webtagger-BENCHMARKS.md') : join(ROOT, 'BENCHMARKS.md');
writeFileSync(out, benchmarksDocument(rows, info));
process.stdout.write(`\nWritten to ${out}\n`);
if (rows.some((row) => row.error)) process.exitCode = 1;
