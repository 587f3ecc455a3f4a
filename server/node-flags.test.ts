import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './node-flags';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const flags = SERVER_NODE_FLAGS.join(' ');

// V8 reads the young generation's cap only at start, so each way of starting the compiled server
// has to give the flags itself; they are written in files that cannot import them.
describe('the compiled server is started with the same node flags', () => {
  it('by `npm run server`', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.server).toContain(`node ${flags} .output/server/main.mjs`);
  });

  it('by the systemd unit', () => {
    expect(read('deploy/systemd/webtagger.service')).toMatch(
      new RegExp(
        `^ExecStart=/usr/bin/node ${flags} /opt/webtagger/\\.output/server/main\\.mjs$`,
        'm',
      ),
    );
  });
});
