import { setFlagsFromString } from 'node:v8';

/**
 * How the server's JavaScript heap grows, applied however node is started (`npm run server`,
 * `npm start`, the systemd unit, tests), so no command line can leave them out.
 *
 * Between two full collections the heap holds a few tens of MB that are alive (a push's batch
 * while its custody catch-up runs is the largest) and much garbage awaiting collection. Left to
 * itself V8 lets the old generation grow to four times what the last full collection kept alive,
 * and the young generation to 2 × 16 MB, which took the server from 120 MB idle to over 250 MB
 * under push load. Both are read by V8 at each collection, so setting them here at start-up
 * applies them from the first collection on:
 * - the old generation grows by 25 % over what was alive before the next full collection;
 * - the young generation stays at the size it starts with (2 × 1 MB) instead of doubling whenever
 *   many objects survive a scavenge; `main.ts` loads the server's packages only after this.
 */
export const HEAP_FLAGS = ['--heap-growing-percent=25', '--semi-space-growth-factor=1'] as const;

/**
 * They cost CPU time (more frequent collections: on PostgreSQL, where a push allocates more, about
 * half again of the Node process's time per report — docs/deploy.md#memory), so a setting given
 * on node's command line is kept: an operator with memory to spare trades it back. A cap on the
 * young generation given there (`--max-semi-space-size`, read by V8 only at start, as the server's
 * own start commands give it: server/node-flags.ts) bounds its growth itself, so the young
 * generation is then left to grow up to that cap.
 */
export function heapFlagsToApply(execArgv: readonly string[]): string[] {
  const given = (name: string) =>
    execArgv.some((arg) => arg.replaceAll('_', '-').startsWith(`${name}=`));
  return HEAP_FLAGS.filter((flag) => {
    const name = flag.slice(0, flag.indexOf('='));
    if (name === '--semi-space-growth-factor' && given('--max-semi-space-size')) return false;
    return !given(name);
  });
}

for (const flag of heapFlagsToApply(process.execArgv)) setFlagsFromString(flag);
