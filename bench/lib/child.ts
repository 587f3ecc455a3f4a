// Runs one measure in a process of its own, so that its memory and its servers do not disturb
// the others: `child.ts <measure file> <result file> <work dir> <cache dir> <flags…>`.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Measure } from './measure';

const [file, resultFile, workDir, cacheDir, ...flags] = process.argv.slice(2);
if (!file || !resultFile || !workDir || !cacheDir)
  throw new Error('usage: child.ts <measure> <result> <work> <cache>');

const { measure } = (await import(pathToFileURL(file).href)) as { measure: Measure };
const result = await measure.run({
  quick: flags.includes('--quick'),
  workDir,
  cacheDir,
  options: new Set(flags),
  progress: (message) => process.stderr.write(`  [${measure.id}] ${message}\n`),
});
writeFileSync(resultFile, JSON.stringify(result));
// Servers and browsers a measure forgot to close must not keep the run waiting.
process.exit(0);
