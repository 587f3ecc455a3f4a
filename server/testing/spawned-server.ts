import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../node-flags';
import { procStat } from './proc';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail()));
    });
  });
}

export type SpawnOptions = {
  dataDir: string;
  /** Extra environment (PORT, HOST and WEBTAGGER_DATA_DIR are set). */
  env?: Record<string, string>;
  /** Node flags before the script, such as `--cpu-prof`. */
  nodeArgs?: string[];
  /** A JavaScript build of the server to run instead of `server/main.ts` through tsx. */
  script?: string;
  port?: number;
  /** How long a start may take before it counts as failed; 30 s unless a suite says otherwise. */
  startTimeoutMs?: number;
};

export type SpawnedServer = {
  url: string;
  port: number;
  dataDir: string;
  /** The server's process id (the Node process itself, not a wrapper). */
  pid(): number;
  /** Resident memory now and at its peak, in KiB, from /proc/<pid>/status. */
  memory(): { rssKb: number; peakKb: number };
  /** CPU time the process has used so far (user + system), in seconds, from /proc/<pid>/stat. */
  cpuSeconds(): number;
  /** Stops the process (SIGTERM lets it close the database; SIGKILL does not). */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Starts it again on the same port and data folder. */
  restart(): Promise<void>;
};

// Servers still running when the test process ends (a hook that timed out while one was starting,
// a failed assertion before `stop`) would outlive it and load the machine for every later test.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const server of running) server.kill('SIGKILL');
});

/** Starts the real server (`server/main.ts` through tsx, or a compiled build as `npm run server` runs it) and waits for /api/health. */
export async function spawnServer(options: SpawnOptions): Promise<SpawnedServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  let child: ChildProcess | undefined;

  async function launch() {
    // A build runs with the flags `npm run server` gives it; the sources as the tests run them.
    const entry = options.script
      ? [...SERVER_NODE_FLAGS, options.script]
      : ['--import', 'tsx', 'server/main.ts'];
    child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
      cwd: ROOT,
      env: {
        ...process.env,
        WEBTAGGER_LOG_LEVEL: 'warn',
        ...options.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEBTAGGER_DATA_DIR: options.dataDir,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = child;
    running.add(started);
    started.once('exit', () => running.delete(started));
    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (started.exitCode !== null) throw new Error(`the server exited with ${started.exitCode}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    started.kill('SIGKILL');
    throw new Error(`the server did not answer /api/health within ${startTimeoutMs / 1000} s`);
  }

  await launch();
  return {
    url,
    port,
    dataDir: options.dataDir,
    pid: () => child?.pid ?? -1,
    memory() {
      const status = readFileSync(`/proc/${child?.pid}/status`, 'utf8');
      const kb = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
      return { rssKb: kb('VmRSS'), peakKb: kb('VmHWM') };
    },
    cpuSeconds() {
      const stat = procStat(child?.pid ?? -1);
      if (!stat) throw new Error('the server is not running');
      return stat.cpuSeconds;
    },
    async stop(signal = 'SIGTERM') {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill(signal);
      await exited;
    },
    restart: launch,
  };
}
