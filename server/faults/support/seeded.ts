/** A run's seed: FAULTS_SEED when set (to replay a failure), else the clock; printed by each suite. */
export function runSeed(): number {
  return Number(process.env.FAULTS_SEED) || Date.now() % 2 ** 31;
}

/** A reproducible random number source in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
