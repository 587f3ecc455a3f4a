// A scheduler in a process of its own, for the test of two processes racing on one database:
// `scheduler-process.ts <data dir> [PostgreSQL URL]` runs due re-checks until none is left, then
// prints how many.
import { silentLogger } from '../../logger';
import { createStorage } from '../../storage/create';
import { startRecheckSchedule } from './recheck-schedule';
import { engineForTests } from './testing';

const [dataDir, databaseUrl] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: scheduler-process.ts <data dir> [PostgreSQL URL]');
const storage = await createStorage({ dataDir, databaseUrl });
const engine = engineForTests();
const schedule = startRecheckSchedule(
  {
    storage,
    engine,
    intervals: { sent_for_blocking: 3_600_000, blocked: 3_600_000 },
    now: () => new Date(),
    logger: silentLogger,
  },
  { tickMs: 0, batch: 2, leaseMs: 60_000 },
);
let ran = 0;
for (let idle = 0; idle < 3; ) {
  const n = await schedule.runOnce();
  ran += n;
  idle = n === 0 ? idle + 1 : 0;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
await engine.close();
await storage.close();
process.stdout.write(`${ran}\n`);
