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
