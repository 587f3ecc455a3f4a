import { describe, expect, it } from 'vitest';
import { createLoginThrottle, LOGIN_LIMITS } from './login-throttle';

const now = new Date('2026-11-24T10:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const attempt = (email: string, address: string, knownAddress = false) => ({
  email,
  address,
  knownAddress,
});
const fail = (
  throttle: ReturnType<typeof createLoginThrottle>,
  a: ReturnType<typeof attempt>,
  times: number,
) => {
  for (let i = 0; i < times; i++) throttle.recordAttempt(a, now);
};

describe('createLoginThrottle', () => {
  it('stops an account after 10 failures from addresses it does not know, for 15 minutes', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect(throttle.retryAfterSeconds(attempt('a@x.kz', `10.0.0.${i}`), now)).toBe(0);
      throttle.recordAttempt(attempt('a@x.kz', `10.0.0.${i}`), now);
    }
    expect(throttle.retryAfterSeconds(attempt('a@x.kz', '10.0.1.1'), now)).toBe(900);
    expect(throttle.retryAfterSeconds(attempt('a@x.kz', '10.0.1.1'), later(900_000))).toBe(0);
    expect(throttle.retryAfterSeconds(attempt('b@x.kz', '10.0.1.1'), now)).toBe(0);
  });

  it("does not let others' failures lock the owner out of an address they signed in from", () => {
    const throttle = createLoginThrottle();
    fail(throttle, attempt('a@x.kz', '203.0.113.9'), 50);
    expect(throttle.retryAfterSeconds(attempt('a@x.kz', '198.51.100.1'), now)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds(attempt('a@x.kz', '10.0.0.5', true), now)).toBe(0);
  });

  it("limits the owner's own failures at a known address too", () => {
    const throttle = createLoginThrottle();
    const owner = attempt('a@x.kz', '10.0.0.5', true);
    fail(throttle, owner, LOGIN_LIMITS.perAccount - 1);
    expect(throttle.retryAfterSeconds(owner, now)).toBe(0);
    fail(throttle, owner, 1);
    expect(throttle.retryAfterSeconds(owner, now)).toBe(900);
  });

  it('stops an address after 30 failures, whatever the accounts', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      throttle.recordAttempt(attempt(`user${i}@x.kz`, '203.0.113.9'), now);
    }
    expect(throttle.retryAfterSeconds(attempt('new@x.kz', '203.0.113.9'), now)).toBe(900);
    expect(throttle.retryAfterSeconds(attempt('new@x.kz', '203.0.113.9', true), now)).toBe(900);
    expect(throttle.retryAfterSeconds(attempt('new@x.kz', '203.0.113.10'), now)).toBe(0);
  });

  it('takes back an attempt that succeeded and forgives the typos before it at that address', () => {
    const throttle = createLoginThrottle();
    const owner = attempt('a@x.kz', '10.0.0.5', true);
    fail(throttle, owner, LOGIN_LIMITS.perAccount - 1);
    throttle.recordAttempt(owner, now);
    throttle.recordSuccess(owner, now);
    expect(throttle.retryAfterSeconds(owner, now)).toBe(0);
    // The nine typos still count for the account as a whole: one more from elsewhere locks it.
    const elsewhere = attempt('a@x.kz', '10.9.9.9');
    expect(throttle.retryAfterSeconds(elsewhere, now)).toBe(0);
    throttle.recordAttempt(elsewhere, now);
    expect(throttle.retryAfterSeconds(elsewhere, now)).toBe(900);
  });
});
