import { describe, expect, it } from 'vitest';
import { createLoginThrottle, LOGIN_LIMITS, type LoginAttempt } from './login-throttle';

const start = new Date('2026-11-24T10:00:00.000Z').getTime();
let clock = start;
const now = () => new Date(clock);
const attempt = (email: string, address: string, knownAddress = false): LoginAttempt => ({
  email,
  address,
  knownAddress,
});
type Throttle = ReturnType<typeof createLoginThrottle>;

/** Tries once with the outcome given; the seconds to wait if refused, else 0. */
async function tryOnce(throttle: Throttle, a: LoginAttempt, outcome: 'wrong' | 'right') {
  const admitted = await throttle.admit(a, now);
  if ('retryAfterSeconds' in admitted) return admitted.retryAfterSeconds;
  admitted.settle(outcome === 'wrong' ? 'wrong password' : 'no guess');
  return 0;
}
const fail = async (throttle: Throttle, a: LoginAttempt, times: number) => {
  for (let i = 0; i < times; i++) await tryOnce(throttle, a, 'wrong');
};

describe('createLoginThrottle', () => {
  it('stops an account after 10 wrong passwords from addresses it does not know, for 15 minutes', async () => {
    clock = start;
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect(await tryOnce(throttle, attempt('a@x.kz', `10.0.0.${i}`), 'wrong')).toBe(0);
    }
    expect(await tryOnce(throttle, attempt('a@x.kz', '10.0.1.1'), 'right')).toBe(900);
    expect(await tryOnce(throttle, attempt('b@x.kz', '10.0.1.1'), 'right')).toBe(0);
    clock += 900_000;
    expect(await tryOnce(throttle, attempt('a@x.kz', '10.0.1.1'), 'right')).toBe(0);
  });

  it('counts no right password, however many', async () => {
    clock = start;
    const throttle = createLoginThrottle();
    for (let i = 0; i < 100; i++) {
      expect(await tryOnce(throttle, attempt('a@x.kz', '203.0.113.9'), 'right')).toBe(0);
    }
  });

  it("does not let others' failures lock the owner out of an address they signed in from", async () => {
    clock = start;
    const throttle = createLoginThrottle();
    await fail(throttle, attempt('a@x.kz', '203.0.113.9'), 50);
    expect(await tryOnce(throttle, attempt('a@x.kz', '198.51.100.1'), 'right')).toBeGreaterThan(0);
    expect(await tryOnce(throttle, attempt('a@x.kz', '10.0.0.5', true), 'right')).toBe(0);
    // Nor do other accounts' failures at that address, which is an office's for all it knows.
    expect(await tryOnce(throttle, attempt('b@x.kz', '203.0.113.9', true), 'right')).toBe(0);
  });

  it("limits the owner's own failures at a known address too, and a success forgives none", async () => {
    clock = start;
    const throttle = createLoginThrottle();
    const owner = attempt('a@x.kz', '10.0.0.5', true);
    await fail(throttle, owner, LOGIN_LIMITS.perAccount - 1);
    expect(await tryOnce(throttle, owner, 'right')).toBe(0);
    await fail(throttle, owner, 1);
    expect(await tryOnce(throttle, owner, 'right')).toBe(900);
  });

  it('stops an address after 30 wrong passwords, for accounts that never signed in there', async () => {
    clock = start;
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await tryOnce(throttle, attempt(`user${i}@x.kz`, '203.0.113.9'), 'wrong');
    }
    expect(await tryOnce(throttle, attempt('new@x.kz', '203.0.113.9'), 'right')).toBe(900);
    expect(await tryOnce(throttle, attempt('new@x.kz', '203.0.113.10'), 'right')).toBe(0);
  });

  it('lets through no more parallel guesses than the limit, yet every parallel right password', async () => {
    clock = start;
    const throttle = createLoginThrottle();
    // Each attempt's password takes a moment to check, as scrypt does.
    const parallel = (password: 'wrong' | 'right') =>
      Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const admitted = await throttle.admit(attempt('a@x.kz', `198.51.100.${i}`), now);
          if ('retryAfterSeconds' in admitted) return 'refused';
          await new Promise((resolve) => setTimeout(resolve, 5));
          admitted.settle(password === 'wrong' ? 'wrong password' : 'no guess');
          return 'checked';
        }),
      );
    expect(await parallel('right')).toEqual(Array(30).fill('checked'));
    const guesses = await parallel('wrong');
    expect(guesses.filter((g) => g === 'checked')).toHaveLength(LOGIN_LIMITS.perAccount);
  });
});
