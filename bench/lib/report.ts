import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TARGETS } from '../targets';
import { type Machine, QUIET } from './machine';
import type { MeasureResult } from './measure';
import { round } from './stats';

export type Row = { target: (typeof TARGETS)[number]; result?: MeasureResult; error?: string };

const HEADER = ['id', 'what', 'value', 'baseline', 'ratio', 'target', 'met?'];

function cells({ target, result, error }: Row): string[] {
  if (!result) {
    const why = error ? `failed: ${error}` : 'not measured yet';
    return [target.id, target.what, why, '', '', target.target, '—'];
  }
  const value = result.display ?? `${round(result.value)} ${result.unit}`;
  const baseline = result.baseline
    ? `${round(result.baseline.value)} ${result.baseline.unit} (${result.baseline.what})`
    : '—';
  const ratio = result.ratio === undefined ? '—' : String(round(result.ratio, 3));
  return [
    target.id,
    target.what,
    value,
    baseline,
    ratio,
    target.target,
    target.met(result) ? 'yes' : 'NO',
  ];
}

/** The results as one Markdown table. */
export function resultTable(rows: Row[]): string {
  const escapePipes = (cell: string) => cell.replaceAll('|', '\\|');
  const line = (values: string[]) => `| ${values.map(escapePipes).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((row) => line(cells(row)))].join(
    '\n',
  );
}

export type RunInfo = {
  quick: boolean;
  startedAt: Date;
  minutes: number;
  machine: Machine;
  /** The 1-minute load average when each measure started, by target id. */
  loadAtStart: Record<string, number>;
  /** Cores in use just before each measure started (the last second, a quarter in a quick run). */
  busyAtStart: Record<string, number>;
};

// What has been tried for a target still missed, kept by hand beside the measures (`P1.md`…).
const TRIED_DIR = join(import.meta.dirname, '..', 'tried');

/**
 * For each row measured and not met, what was tried so far (bench/tried/<id>.md); the profile or
 * breakdown of where the time goes is in the row's own notes.
 */
function triedSections(rows: Row[]): string[] {
  const short = rows.filter(({ target, result }) => result && !target.met(result));
  return short.flatMap(({ target }) => {
    const file = join(TRIED_DIR, `${target.id}.md`);
    if (!existsSync(file)) return [];
    return [`### ${target.id}`, '', readFileSync(file, 'utf8').trim(), ''];
  });
}

/** BENCHMARKS.md: when and where, the table, how each figure was measured, what was tried. */
export function benchmarksDocument(rows: Row[], info: RunInfo): string {
  const { machine } = info;
  // The previous measure leaves up to about two runnable processes in the average; more than one
  // per core at a measure's start means other work shared the machine.
  const busyAt = Object.entries(info.loadAtStart).filter(([, load]) => load > machine.cores);
  const listed = (figures: Record<string, number>) =>
    Object.entries(figures)
      .map(([id, figure]) => `${id} ${figure}`)
      .join(', ');
  const stillBusy = Object.entries(info.busyAtStart).filter(([, busy]) => busy >= QUIET.cores);
  const notes = rows.flatMap(({ target, result }) =>
    result ? [`- **${target.id}**: ${result.notes.join(' ')}`] : [],
  );
  const tried = triedSections(rows);
  const when = info.startedAt.toISOString().slice(0, 16).replace('T', ' ');
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${info.quick ? ' -- --quick' : ''}\` on ${when} UTC (${round(info.minutes, 2)} min).`,
    ...(info.quick
      ? ['', '**QUICK run: smaller sizes than the targets name; not the targets’ conditions.**']
      : []),
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB memory, ${machine.os}`,
    `- Software: Node ${machine.node}, SQLite ${machine.sqlite}, Chromium: ${machine.chromium}`,
    `- Before each measure the run waits (up to ${QUIET.limitS} s) until less than ${QUIET.cores} of a core is in use, so that what the previous one left running does not fall on it. Cores in use in the ${info.quick ? 'quarter second' : 'second'} before each started: ${listed(info.busyAtStart)}.${stillBusy.length ? ` Still busy at the start of ${stillBusy.map(([id]) => id).join(', ')} (other work on the machine): absolute figures there are pessimistic, ratios (measured alternately) less so.` : ''}`,
    `- Load average (1 min) when each measure started, which lags the machine by about a minute (mostly the previous measure): ${listed(info.loadAtStart)}.${busyAt.length ? ` Over one per core at the start of ${busyAt.map(([id]) => id).join(', ')}.` : ''}`,
    '',
    'Ratios compare against a baseline measured in the same run on the same machine (targets.md).',
    '',
    resultTable(rows),
    '',
    '## How each figure was measured',
    '',
    ...notes,
    '',
    ...(tried.length ? ['## Targets not met: what was tried', '', ...tried] : []),
  ].join('\n');
}
