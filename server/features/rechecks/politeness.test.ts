import { describe, expect, it } from 'vitest';
import { createRecheckGate } from './politeness';

describe('the re-check gate', () => {
  it('never runs more tasks at once than its concurrency', async () => {
    const gate = createRecheckGate({ concurrency: 3, perHostIntervalMs: 0 });
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gate.run(`host-${i}`, async () => {
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 10));
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('keeps one request per host in flight and pauses the interval after each', async () => {
    const gate = createRecheckGate({ concurrency: 4, perHostIntervalMs: 50 });
    const spans: Record<string, [number, number][]> = { a: [], b: [] };
    const hosts = ['a', 'b', 'a', 'b', 'a', 'b', 'a'];
    await Promise.all(
      hosts.map((host, i) =>
        gate.run(host, async () => {
          const start = performance.now();
          await new Promise((r) => setTimeout(r, 10 + i * 5));
          spans[host]!.push([start, performance.now()]);
        }),
      ),
    );
    for (const list of Object.values(spans)) {
      for (let i = 1; i < list.length; i++) {
        // Timers may fire a millisecond early.
        expect(list[i]![0] - list[i - 1]![1]).toBeGreaterThanOrEqual(48);
      }
    }
  });

  it('lets other hosts use the slots while one host waits for its turn', async () => {
    const gate = createRecheckGate({ concurrency: 1, perHostIntervalMs: 200 });
    const order: string[] = [];
    const began = performance.now();
    await Promise.all(
      ['slow', 'slow', 'other'].map((host) =>
        gate.run(host, async () => {
          order.push(host);
        }),
      ),
    );
    expect(order).toEqual(['slow', 'other', 'slow']);
    expect(performance.now() - began).toBeGreaterThanOrEqual(195);
  });

  it('goes on after a task that failed', async () => {
    const gate = createRecheckGate({ concurrency: 1, perHostIntervalMs: 0 });
    await expect(gate.run('h', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run('h', async () => 'next')).toBe('next');
  });
});
