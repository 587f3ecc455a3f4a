import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN = { email: 'admin@webtagger.test', password: 'admin-password-1' };

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

export type RunningServer = {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the process (SIGTERM, or SIGKILL with `hard`), keeping the data folder. */
  stop(hard?: boolean): Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
  /** Moves the server's clock forward (servers started with `clock: 'settable'` only). */
  advanceClock(ms: number): void;
};

/**
 * Starts the real server (`server/main.ts`) on a free port and a fresh data folder; with
 * `clock: 'settable'`, the same app on a clock the test moves (`support/clocked-main.ts`).
 */
export async function startServer(
  options: { clock?: 'wall' | 'settable' } = {},
): Promise<RunningServer> {
  const entry = options.clock === 'settable' ? 'e2e/support/clocked-main.ts' : 'server/main.ts';
  let clockOffset = 0;
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  async function launch() {
    child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WEBTAGGER_DATA_DIR: dataDir,
        WEBTAGGER_ADMIN_EMAIL: ADMIN.email,
        WEBTAGGER_ADMIN_PASSWORD: ADMIN.password,
        WEBTAGGER_LOG_LEVEL: 'warn',
        // Every test account registers from this one address: not what the browser tests test.
        WEBTAGGER_REGISTRATIONS_PER_HOUR: '100000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not answer /api/health within 20 s');
  }

  async function stop(hard = false) {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill(hard ? 'SIGKILL' : 'SIGTERM');
    await exited;
  }

  await launch();
  return {
    url,
    port,
    dataDir,
    stop,
    restart: launch,
    advanceClock(ms: number) {
      if (options.clock !== 'settable') throw new Error('this server runs on the wall clock');
      clockOffset += ms;
      writeFileSync(join(dataDir, 'clock-offset-ms'), String(clockOffset));
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
