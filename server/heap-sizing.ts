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
 *
 * They cost CPU time (more frequent collections: on PostgreSQL, where a push allocates more, about
 * half again of the Node process's time per report — docs/deploy.md#memory), so each is left out
 * when node's command line already decides it: an operator with memory to spare trades it back.
 * A cap on the young generation (`--max-semi-space-size`, read by V8 only at start, given by the
 * server's own start commands: server/node-flags.ts) decides its growth too, as it bounds it.
 */
const HEAP_SETTINGS = [
  { flag: '--heap-growing-percent=25', decidedBy: ['--heap-growing-percent'] },
  {
    flag: '--semi-space-growth-factor=1',
    decidedBy: ['--semi-space-growth-factor', '--max-semi-space-size'],
  },
] as const;

export const HEAP_FLAGS = HEAP_SETTINGS.map((setting) => setting.flag);

/** The settings that node's command line (`execArgv`) leaves to the server. */
export function heapFlagsToApply(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map((arg) => arg.replaceAll('_', '-').split('=')[0]));
  return HEAP_SETTINGS.filter(({ decidedBy }) => !decidedBy.some((name) => given.has(name))).map(
    (setting) => setting.flag,
  );
}

for (const flag of heapFlagsToApply(process.execArgv)) setFlagsFromString(flag);
