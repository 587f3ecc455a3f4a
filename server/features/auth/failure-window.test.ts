import { describe, expect, it } from 'vitest';
import { createFailureWindow } from './failure-window';

const at = (ms: number) => new Date(1_000_000_000 + ms);

describe('createFailureWindow', () => {
  it('lets a key try until it reaches the limit within the window', () => {
    const window = createFailureWindow({ limit: 3, windowMs: 60_000 });
    window.record('k', at(0));
    window.record('k', at(1000));
    expect(window.retryAfterSeconds('k', at(2000))).toBe(0);
    window.record('k', at(2000));
    expect(window.retryAfterSeconds('k', at(2000))).toBe(58);
    expect(window.retryAfterSeconds('other', at(2000))).toBe(0);
  });

  it('slides: the key may try again when its oldest counted failure leaves the window', () => {
    const window = createFailureWindow({ limit: 2, windowMs: 10_000 });
    window.record('k', at(0));
    window.record('k', at(5000));
    expect(window.retryAfterSeconds('k', at(9999))).toBe(1);
    expect(window.retryAfterSeconds('k', at(10_000))).toBe(0);
    window.record('k', at(10_000));
    expect(window.retryAfterSeconds('k', at(10_000))).toBe(5);
  });

  it('counts the failures still inside the window', () => {
    const window = createFailureWindow({ limit: 5, windowMs: 10_000 });
    window.record('k', at(0));
    window.record('k', at(5000));
    expect(window.count('k', at(9999))).toBe(2);
    expect(window.count('k', at(10_000))).toBe(1);
    expect(window.count('other', at(0))).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the ones idle the longest', () => {
    const window = createFailureWindow({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    window.record('a', at(0));
    window.record('b', at(1));
    window.record('a', at(2));
    window.record('c', at(3));
    expect(window.retryAfterSeconds('b', at(4))).toBe(0);
    expect(window.retryAfterSeconds('a', at(4))).toBeGreaterThan(0);
    expect(window.retryAfterSeconds('c', at(4))).toBeGreaterThan(0);
  });
});
