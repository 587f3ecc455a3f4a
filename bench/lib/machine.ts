import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import Database from 'better-sqlite3';
import { findChromium } from '../../e2e/support/chromium';

/** The machine and software a run was measured on. */
export function describeMachine() {
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  const betterSqlite = JSON.parse(
    readFileSync(
      new URL('../../node_modules/better-sqlite3/package.json', import.meta.url),
      'utf8',
    ),
  ).version as string;
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osName()} (kernel ${release()})`,
    node: process.version,
    sqlite: `${sqliteVersion} (better-sqlite3 ${betterSqlite})`,
    chromium: chromiumVersion(),
  };
}
export type Machine = ReturnType<typeof describeMachine>;

/** The 1-minute load average and how many cores it amounts to. */
export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** Jiffies spent busy and in all, summed over the cores (/proc/stat's first line). */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, total: busy + idle! + iowait! };
}

/** How many cores were in use, on average, over the next `ms`. */
export async function busyCores(ms = 1000): Promise<number> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const share = (after.busy - before.busy) / Math.max(1, after.total - before.total);
  return Math.round(share * cpus().length * 100) / 100;
}

/** A measure starts once fewer than `cores` are in use, or after `limitS` seconds whatever the load. */
export const QUIET = { cores: 0.3, limitS: 60 } as const;

/**
 * Waits until the machine is quiet (QUIET): what a measure leaves behind (a database cluster
 * stopping, a browser's processes exiting, the page cache written back) would otherwise fall on
 * the next. The load average cannot tell: it lags the machine by a minute. Returns the cores in
 * use over the last sample (a second, unless `sampleMs` says otherwise) before the measure starts
 * and how long it waited.
 */
export async function settle(sampleMs = 1000): Promise<{ busy: number; waitedS: number }> {
  const began = performance.now();
  const waited = () => (performance.now() - began) / 1000;
  let busy = await busyCores(sampleMs);
  while (busy >= QUIET.cores && waited() < QUIET.limitS) busy = await busyCores(sampleMs);
  return { busy, waitedS: Math.round(waited() * 10) / 10 };
}

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1] ?? process.platform;
  } catch {
    return process.platform;
  }
}

function chromiumVersion(): string {
  const path = findChromium();
  if (!path) return 'not installed';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 }).trim();
  } catch {
    return `unknown (${path})`;
  }
}
