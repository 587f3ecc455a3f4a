import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../scripts/build-server';
import { SERVER_NODE_FLAGS } from './node-flags';
import { type SpawnedServer, spawnServer } from './testing/spawned-server';

const ROOT = resolve(import.meta.dirname, '..');

// `npm run server` runs the compiled build, not the sources: prove that build starts on a fresh data
// folder and serves what it reads from disk (migrations, the policy texts, the stylesheet).
describe('the compiled server', () => {
  // Inside the repository, so that node finds the packages as it does for .output/server.
  const outdir = join(ROOT, 'node_modules', '.cache', 'webtagger-test', `server-${process.pid}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-compiled-'));
  let server: SpawnedServer;

  beforeAll(async () => {
    server = await spawnServer({ dataDir, script: await buildServer(outdir) });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs with the flags `npm run server` gives node, and source maps of positions only', () => {
    const cmdline = readFileSync(`/proc/${server.pid()}/cmdline`, 'utf8').split('\0');
    expect(cmdline.slice(1, 1 + SERVER_NODE_FLAGS.length)).toEqual([...SERVER_NODE_FLAGS]);
    const maps = readdirSync(outdir).filter((name) => name.endsWith('.mjs.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const name of maps) {
      const map = JSON.parse(readFileSync(join(outdir, name), 'utf8')) as {
        sourcesContent?: unknown;
      };
      expect(map.sourcesContent, name).toBeUndefined();
    }
  });

  it('applies the migrations and answers the API', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    // The materials search table comes from the second migration.
    const search = await fetch(`${server.url}/api/materials?q=test`);
    expect(search.status).toBe(401);
  });

  it('serves the current policy read from its text files', async () => {
    const policy = (await (await fetch(`${server.url}/api/policy/current`)).json()) as {
      text: Record<'ru' | 'kk' | 'en', string>;
    };
    const en = readFileSync(join(ROOT, 'server/features/consent/policy/v1/en.txt'), 'utf8');
    expect(policy.text.en).toBe(en);
    expect(policy.text.ru.length).toBeGreaterThan(500);
    expect(policy.text.kk.length).toBeGreaterThan(500);
  });

  it('serves the site and its stylesheet', async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    const href = /href="(\/static\/site\.css\?v=[^"]+)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const css = await fetch(`${server.url}${href}`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe(readFileSync(join(ROOT, 'server/site/static/site.css'), 'utf8'));
  });
});
