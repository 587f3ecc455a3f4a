import type { SeededAccount } from '../../server/testing/seed';
import type { SpawnedServer } from '../../server/testing/spawned-server';
import type { BenchContext } from './measure';
import { outcomeOf, type PushBatch, pushBatches, sendPush } from './push-batches';
import { seededRandom } from './random';
import { median, round } from './stats';

/** P1 and P1-pg: how many analysts push at once, their batch size, and the untimed first batches. */
export const ANALYSTS = 4;
export const BATCH = 500;
export const WARM_UP = 1;

/** CPU clocks (seconds used so far), by what they count. */
export type CpuClocks = Record<string, () => number>;

/** One round's two sides: the real server and the raw writes of the same rows. */
export type RoundSides = {
  analysts: SeededAccount[];
  server: SpawnedServer;
  /** Writes batch `b` of every analyst the raw way (the baseline). */
  writeRaw(b: number): Promise<void> | void;
  rawClocks: CpuClocks;
  serverClocks: CpuClocks;
};

export type IngestRound = {
  serverRate: number;
  rawRate: number;
  /** CPU seconds used by each clock of each side over the timed batches. */
  rawCpu: Record<string, number>;
  serverCpu: Record<string, number>;
};

/** CPU time of this process (user + system), seconds. */
export function processCpuSeconds(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1e6;
}

const read = (clocks: CpuClocks) =>
  Object.fromEntries(Object.entries(clocks).map(([name, clock]) => [name, clock()]));
const sum = (seconds: Record<string, number>) => Object.values(seconds).reduce((a, b) => a + b, 0);

function addSince(
  total: Record<string, number>,
  clocks: CpuClocks,
  before: Record<string, number>,
) {
  for (const [name, clock] of Object.entries(clocks))
    total[name] = (total[name] ?? 0) + clock() - before[name]!;
}

/**
 * Step by step, the analysts' next batches are written raw, then pushed to the real server (all
 * analysts at once). Alternating in small steps puts the machine's other load on both sides alike.
 */
export async function alternateBatches(
  sides: RoundSides,
  batches: PushBatch[][],
): Promise<IngestRound> {
  let rawSeconds = 0;
  let serverSeconds = 0;
  const rawCpu: Record<string, number> = {};
  const serverCpu: Record<string, number> = {};
  let applied = 0;
  for (let b = 0; b < batches[0]!.length; b++) {
    const timed = b >= WARM_UP;
    let before = read(sides.rawClocks);
    let start = performance.now();
    await sides.writeRaw(b);
    if (timed) {
      rawSeconds += (performance.now() - start) / 1000;
      addSince(rawCpu, sides.rawClocks, before);
    }
    before = read(sides.serverClocks);
    start = performance.now();
    const answers = await Promise.all(
      sides.analysts.map((analyst, i) => sendPush(sides.server.url, analyst, batches[i]![b]!.body)),
    );
    if (timed) {
      serverSeconds += (performance.now() - start) / 1000;
      addSince(serverCpu, sides.serverClocks, before);
      applied += answers.map(outcomeOf).reduce((total, o) => total + o.applied, 0);
    }
  }
  const expected = (batches[0]!.length - WARM_UP) * ANALYSTS * BATCH;
  if (applied !== expected) throw new Error(`the server applied ${applied} of ${expected} reports`);
  return {
    serverRate: expected / serverSeconds,
    rawRate: expected / rawSeconds,
    rawCpu,
    serverCpu,
  };
}

/** The CPU-time ratio of a round: all the raw side's clocks over all the server side's. */
export const cpuRatio = (r: IngestRound) => sum(r.rawCpu) / sum(r.serverCpu);

/** Runs the rounds of an ingest measure on the same batches, each on fresh data. */
export async function ingestRounds(
  ctx: BenchContext,
  runRound: (round: number, batches: PushBatch[][]) => Promise<IngestRound>,
) {
  const perAnalyst = ctx.quick ? 5 : 13;
  const rounds = ctx.quick ? 1 : 3;
  ctx.progress(`generating ${ANALYSTS} × ${perAnalyst} batches of ${BATCH} reports`);
  const batches = pushBatches(seededRandom(1), ANALYSTS, perAnalyst, BATCH);
  const results: IngestRound[] = [];
  for (let r = 0; r < rounds; r++) {
    const result = await runRound(r, batches);
    results.push(result);
    ctx.progress(
      `round ${r + 1}/${rounds}: server ${round(result.serverRate)} reports/s, raw ${round(result.rawRate)} reports/s, ratio ${round(result.serverRate / result.rawRate, 2)} (CPU-time ratio ${round(cpuRatio(result), 2)})`,
    );
  }
  const ratios = results.map((r) => r.serverRate / r.rawRate);
  return {
    results,
    batches,
    rounds,
    measured: ANALYSTS * (perAnalyst - WARM_UP) * BATCH,
    ratios,
    serverRate: median(results.map((r) => r.serverRate)),
    rawRate: median(results.map((r) => r.rawRate)),
    ratio: median(ratios),
    cpuRatio: median(results.map(cpuRatio)),
  };
}

/** How the reports and their pushing are made, the same for both engines. */
export function ingestNotes(measured: number): string[] {
  return [
    `${ANALYSTS} analysts push ${measured} realistic reports per round (a third on materials reported before; notes of ~100 characters from the detector's ordinary notes, some with dates and amounts)`,
    `in batches of ${BATCH}, all analysts at once, to the real server (compiled, run by node as \`npm run server\` runs it, spawned on 127.0.0.1, fresh data folder); bodies are serialized before the clock starts.`,
  ];
}
