import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEBIAN_PG_ROOT, newestDebianPgBin } from '../db/pg-programs';

/**
 * A throwaway PostgreSQL cluster for the tests: Debian's server binaries, `initdb` into a
 * temporary folder, a free port on 127.0.0.1 only, its socket in that folder, stopped and
 * removed after the run (also when the process exits without the teardown).
 */
export type PgCluster = {
  /** `postgres://…` of the cluster's `postgres` database, as the superuser. */
  url: string;
  /** The URL of another database of the cluster. */
  urlOf(database: string): string;
  /** The cluster's data folder (its postmaster.pid names the server process). */
  dataDir: string;
  /**
   * Stops the cluster cleanly, copies its data folder to `to` (which must not exist) and starts it
   * again on the same port: `startPgCluster({ from: to })` later starts a cluster holding the same
   * databases.
   */
  saveTo(to: string): void;
  stop(): void;
};

const INSTALL_HINT =
  'The PostgreSQL tests start a throwaway cluster from the server binaries of Debian\'s "postgresql" ' +
  'package, which were not found under /usr/lib/postgresql/*/bin. Install it ' +
  '(`sudo apt-get install postgresql`; the system service need not run) and run the tests again.';

/** The folder of the newest installed PostgreSQL server binaries; throws with instructions. */
export function findPgBinaries(root = DEBIAN_PG_ROOT): string {
  const bin = newestDebianPgBin('initdb', root);
  if (bin === undefined) throw new Error(INSTALL_HINT);
  return bin;
}

/** A TCP port nobody listens on now (the cluster binds it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

// initdb refuses to run as root: there the cluster belongs to Debian's `postgres` account.
const AS_ROOT = process.getuid?.() === 0;

/** A server program's command line, as the account the cluster belongs to. */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return AS_ROOT ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]): void {
  execFileSync(...asOwner(bin, args), { stdio: ['ignore', 'pipe', 'pipe'] });
}

function ownedByPostgres(dir: string): void {
  if (!AS_ROOT) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  chownSync(dir, uid, gid);
}

/** Copies a data folder with its owner and modes (PostgreSQL refuses a folder open to others). */
function copyDataDir(from: string, to: string): void {
  execFileSync('cp', ['-a', from, to], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Initializes and starts a cluster, or starts one on a copy of a data folder saved by `saveTo`
 * (`from`); durability is off, as nothing in it outlives the run.
 */
export async function startPgCluster(options: { from?: string } = {}): Promise<PgCluster> {
  const bin = findPgBinaries();
  const root = mkdtempSync(join(tmpdir(), 'webtagger-pg-'));
  // The postgres account must reach the folder through the temporary directory.
  chmodSync(root, 0o755);
  ownedByPostgres(root);
  const data = join(root, 'data');
  const port = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    // Never throws: the cluster may not have started, or may be gone already.
    spawnSync(...asOwner(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']), {
      stdio: 'ignore',
    });
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const serverOptions = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  const pgCtl = (...args: string[]) => run(join(bin, 'pg_ctl'), [...args, '-D', data]);
  const start = () => pgCtl('start', '-w', '-l', join(root, 'log'), '-o', serverOptions);
  try {
    if (options.from) copyDataDir(options.from, data);
    else
      run(join(bin, 'initdb'), [
        '-D',
        data,
        '-U',
        'postgres',
        '-A',
        'trust',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
    start();
  } catch (error) {
    stop();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`Could not start a throwaway PostgreSQL cluster: ${stderr || error}`);
  }
  const saveTo = (to: string) => {
    // A clean stop writes everything out: the copy starts without recovery.
    pgCtl('stop', '-w', '-m', 'fast');
    try {
      copyDataDir(data, to);
    } finally {
      start();
    }
  };
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return { url: urlOf('postgres'), urlOf, dataDir: data, saveTo, stop };
}
