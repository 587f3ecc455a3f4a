/** A seeded pseudo-random source, so every run generates the same data (mulberry32). */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    next,
    /** An integer in [0, below). */
    int,
    /** One element of a non-empty list. */
    pick<T>(items: readonly T[]): T {
      return items[int(items.length)] as T;
    },
    /** `count` distinct elements of a list (count ≤ length). */
    some<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const chosen: T[] = [];
      while (chosen.length < count && pool.length > 0)
        chosen.push(pool.splice(int(pool.length), 1)[0] as T);
      return chosen;
    },
    /** A UUID v4 drawn from this source (reproducible, unlike crypto.randomUUID). */
    uuid(): string {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16));
      hex[12] = '4';
      hex[16] = (8 + int(4)).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
export type Random = ReturnType<typeof seededRandom>;
