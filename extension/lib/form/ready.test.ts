import { describe, expect, it } from 'vitest';
import { afterFormReady, FORM_READY_MARK, markFormReady } from './ready';

describe('afterFormReady', () => {
  it('gives up waiting after its timeout when no form shows', async () => {
    const started = performance.now();
    let done = false;
    const waiting = afterFormReady(30).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(done).toBe(false);
    await waiting;
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('lets what waits start as soon as the form is marked ready, and sets the mark', async () => {
    const waiting = afterFormReady(60_000);
    markFormReady();
    await waiting;
    expect(performance.getEntriesByName(FORM_READY_MARK)).toHaveLength(1);
    // Once ready, later waits do not wait.
    await afterFormReady(60_000);
  });
});
