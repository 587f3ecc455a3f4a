// `npm start`: build the Chrome extension and the server, then run the server on the embedded SQLite default and
// say what to do next.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '../server/node-flags';
import { buildServer } from './build-server';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build:chrome'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const serverScript = await buildServer();

const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.WEBTAGGER_DATA_DIR ?? './data');
process.stdout.write(
  [
    '',
    'WebTagger is starting.',
    `  Server:    http://${host}:${port}  (data in ${dataDir})`,
    `  Extension: ${resolve('.output/chrome-mv3')}`,
    '',
    'Next:',
    '  1. Open chrome://extensions, switch on Developer mode, "Load unpacked" and pick the folder above.',
    '  2. Sign in from the WebTagger toolbar button with an approved account. To have an admin on a',
    '     fresh data folder, start with WEBTAGGER_ADMIN_EMAIL and WEBTAGGER_ADMIN_PASSWORD set.',
    '  3. Stop the server with Ctrl+C.',
    '',
  ].join('\n'),
);

const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverScript], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code) => process.exit(code ?? 0));
