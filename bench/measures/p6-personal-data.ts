import { findPersonalData } from '#shared/personal-data/find-personal-data';
import { analystText } from '../lib/long-notes';
import type { Measure } from '../lib/measure';
import { seededRandom } from '../lib/random';
import { median, percentile, round } from '../lib/stats';

/** P6: the detector on 2 000-character notes (per call) and on long text (throughput). */
export const measure: Measure = {
  id: 'P6',
  async run(ctx) {
    const r = seededRandom(6);
    const notes = Array.from({ length: 200 }, () => analystText(r, 2000));
    const rounds = ctx.quick ? 5 : 25;
    let found = 0;
    for (const note of notes) found += findPersonalData(note).length; // warm-up, and a sanity count
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const note of notes) {
        const start = performance.now();
        findPersonalData(note);
        samples.push(performance.now() - start);
      }
    }
    const p95 = percentile(samples, 95);
    ctx.progress(`2 000-char notes: p50 ${round(median(samples))} ms, p95 ${round(p95)} ms`);

    const longChars = ctx.quick ? 500_000 : 2_000_000;
    const long = analystText(seededRandom(66), longChars);
    const bytes = Buffer.byteLength(long, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < (ctx.quick ? 2 : 5); i++) {
      const start = performance.now();
      findPersonalData(long);
      times.push((performance.now() - start) / 1000);
    }
    const seconds = median(times);
    const throughputMBps = bytes / 1e6 / seconds;
    ctx.progress(`long text: ${round(throughputMBps)} MB/s`);
    return {
      value: p95,
      unit: 'ms',
      display: `p95 ${round(p95, 2)} ms; ${round(throughputMBps, 3)} MB/s`,
      figures: { throughputMBps, p50: median(samples) },
      notes: [
        `${samples.length} timed calls of findPersonalData on 200 distinct 2 000-character notes`,
        `(ordinary analyst notes, one sentence in five with personal data; ${round(found / notes.length, 2)} findings per note), after a warm-up pass: p50 ${round(median(samples), 2)} ms, p95 ${round(p95, 2)} ms.`,
        `Throughput: one call on ${(longChars / 1e6).toFixed(1)} M characters (${round(bytes / 1e6, 3)} MB of UTF-8) of the same kind of text, median of ${times.length}:`,
        `${round(throughputMBps, 3)} MB/s = ${round(longChars / 1e6 / seconds, 3)} M characters/s.`,
      ],
    };
  },
};
