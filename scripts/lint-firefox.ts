// `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`) on the Firefox build, as a store
// reviewer would run it. Any error fails, and so does any warning but the one explained below.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Message = { code: string; message: string; file?: string; line?: number };
type Report = { summary: { errors: number; warnings: number; notices: number } } & Record<
  'errors' | 'warnings' | 'notices',
  Message[]
>;

const sourceDir = resolve('.output/firefox-mv2');
if (!existsSync(join(sourceDir, 'manifest.json'))) {
  process.stderr.write('The Firefox build is missing: run `npm run build:firefox` first.\n');
  process.exit(1);
}

/**
 * Preact's renderer assigns `innerHTML` for `dangerouslySetInnerHTML` props, which the extension
 * never uses (Biome's noDangerouslySetInnerHtml rule keeps it so); the linter sees the assignment
 * in the bundled renderer.
 */
function isPreactInnerHtml(warning: Message): boolean {
  return warning.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(warning.message);
}

const webExt = resolve('node_modules/.bin/web-ext');
const run = spawnSync(webExt, ['lint', '--source-dir', sourceDir, '--output', 'json'], {
  encoding: 'utf8',
});
let report: Report;
try {
  report = JSON.parse(run.stdout) as Report;
} catch {
  process.stderr.write(`web-ext lint did not answer JSON:\n${run.stdout}${run.stderr}\n`);
  process.exit(1);
}

const show = (m: Message) => `  ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`;
const unexpected = report.warnings.filter((w) => !isPreactInnerHtml(w));
const explained = report.warnings.filter(isPreactInnerHtml);
process.stdout.write(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ` +
    `${report.summary.notices} notices\n`,
);
for (const m of explained) process.stdout.write(`${show(m)}  (Preact's renderer, not used)\n`);
for (const m of [...report.errors, ...unexpected]) process.stdout.write(`${show(m)}\n`);
for (const m of report.notices) process.stdout.write(`${show(m)}\n`);
if (report.errors.length > 0 || unexpected.length > 0) process.exit(1);
