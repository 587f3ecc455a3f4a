import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_FLAGS, heapFlagsToApply } from './heap-sizing';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Runs a node process that keeps many young objects alive (as a push batch does) and answers how
 * large its young generation grew, in MB, with or without the server's heap settings loaded first.
 *
 * The size is read after the load is let go and two young collections have finished: while a
 * collection is under way, V8 13 (Node 24) counts pages it is still releasing, so a size read in
 * the middle of the load varies from run to run by several MB above the capacity V8 has settled on.
 */
function youngGenerationAfterLoad(withSettings: boolean, nodeFlags: string[] = []): number {
  const script = `
    ${withSettings ? "await import('./server/heap-sizing.ts');" : ''}
    const v8 = await import('node:v8');
    let kept = [];
    for (let i = 0; i < 3e6; i++) {
      kept.push({ i, text: 'x' + i });
      if (kept.length > 200000) kept = [];
    }
    kept = null;
    gc({ type: 'minor', execution: 'sync' });
    gc({ type: 'minor', execution: 'sync' });
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(young.space_size / 1e6));
  `;
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', ...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

describe('the server heap settings', () => {
  it('keep the young generation at its starting size under a load that grows it by default', () => {
    const grown = youngGenerationAfterLoad(false);
    const kept = youngGenerationAfterLoad(true);
    expect(grown).toBeGreaterThan(8);
    expect(kept).toBeLessThan(grown / 2);
  });

  it('leave a setting given on the command line as it was given', () => {
    expect(heapFlagsToApply([])).toEqual([...HEAP_FLAGS]);
    expect(heapFlagsToApply(['--enable-source-maps', '--semi-space-growth-factor=2'])).toEqual([
      '--heap-growing-percent=25',
    ]);
    const kept = youngGenerationAfterLoad(true);
    const operators = youngGenerationAfterLoad(true, ['--semi-space-growth-factor=2']);
    expect(operators).toBeGreaterThan(kept * 2);
  });

  it('let the young generation grow to a cap given on the command line, and no further', () => {
    expect(heapFlagsToApply(['--enable-source-maps', '--max-semi-space-size=4'])).toEqual([
      '--heap-growing-percent=25',
    ]);
    const kept = youngGenerationAfterLoad(true);
    const capped = youngGenerationAfterLoad(true, ['--max-semi-space-size=4']);
    expect(capped).toBeGreaterThan(kept);
    // Two semi-spaces of 4 MiB.
    expect(capped).toBeLessThanOrEqual((2 * 4 * 2 ** 20) / 1e6);
  });
});
