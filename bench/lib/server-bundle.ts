import { join, resolve } from 'node:path';
import { ADMIN } from '../../e2e/support/server';
import { buildServer } from '../../scripts/build-server';
import {
  type SpawnedServer,
  type SpawnOptions,
  spawnServer,
} from '../../server/testing/spawned-server';

const ROOT = resolve(import.meta.dirname, '../..');
let built: Promise<string> | undefined;

/**
 * The server as `npm run server` runs it: compiled to one JavaScript file (scripts/build-server.ts)
 * from the current sources, built once per bench run into the bench cache (inside the repository,
 * so that node finds the packages) rather than over .output/server.
 */
export function compiledServer(): Promise<string> {
  built ??= buildServer(join(ROOT, 'node_modules', '.cache', 'webtagger-bench', 'server'));
  return built;
}

/** Spawns the compiled server, as `npm run server` runs it. */
export async function spawnCompiledServer(
  options: Omit<SpawnOptions, 'script'>,
): Promise<SpawnedServer> {
  return spawnServer({ ...options, script: await compiledServer() });
}

/**
 * The compiled server the browser measures sign in to, its data in the measure's scratch folder,
 * with the browser tests' administrator (who approves their analysts).
 */
export function spawnServerWithAdmin(workDir: string): Promise<SpawnedServer> {
  return spawnCompiledServer({
    dataDir: join(workDir, 'server'),
    env: { WEBTAGGER_ADMIN_EMAIL: ADMIN.email, WEBTAGGER_ADMIN_PASSWORD: ADMIN.password },
  });
}
