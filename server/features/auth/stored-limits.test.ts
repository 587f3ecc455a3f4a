import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestApp } from '../../testing/test-app';
import { addAccount, fromAddress, TEST_PASSWORD } from '../accounts/testing';
import { storedFailureLog } from './failure-window';
import { LOGIN_LIMITS } from './login-throttle';

// The abuse limits' failures live in the database, so processes sharing it count them together.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const at = (ms: number) => new Date(1_000_000_000 + ms);

describe('storedFailureLog', () => {
  it('slides like the in-memory window: a key waits until its oldest counted failure leaves', async () => {
    const log = storedFailureLog(t.storage.limits, 'test', { limit: 2, windowMs: 10_000 });
    await log.record('k', at(0));
    expect(await log.retryAfterSeconds('k', at(1000))).toBe(0);
    await log.record('k', at(5000));
    expect(await log.retryAfterSeconds('k', at(9999))).toBe(1);
    expect(await log.retryAfterSeconds('k', at(10_000))).toBe(0);
    expect(await log.count('k', at(9999))).toBe(2);
    expect(await log.count('k', at(10_000))).toBe(1);
    await log.record('k', at(10_000));
    expect(await log.retryAfterSeconds('k', at(10_000))).toBe(5);
    expect(await log.count('other', at(10_000))).toBe(0);
  });

  it('keeps the logs apart and forgets failures once their window has passed', async () => {
    const a = storedFailureLog(t.storage.limits, 'a', { limit: 1, windowMs: 10_000 });
    const b = storedFailureLog(t.storage.limits, 'b', { limit: 1, windowMs: 10_000 });
    await a.record('k', at(0));
    expect(await b.count('k', at(1))).toBe(0);
    await a.record('other', at(20_000));
    const kept = (await t.rows('limitFailures')).map(({ key }) => ({ key }));
    expect(kept).toEqual([{ key: 'other' }]);
  });
});

describe('sign-in limits across processes', () => {
  it('locks an account for every process on the database once one counted the guesses', async () => {
    const other = createApp({ ...t.deps, storage: await t.openReplica() });
    const owner = await addAccount(t);
    const login = (app: typeof other, password: string, address: string) =>
      app.request(
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: owner.email, password }),
        },
        fromAddress(address),
      );
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const app = i % 2 === 0 ? t.app : other;
      expect((await login(app, `guess ${i}`, `203.0.113.${i + 1}`)).status).toBe(401);
    }
    expect((await login(t.app, TEST_PASSWORD, '198.51.100.1')).status).toBe(429);
    expect((await login(other, TEST_PASSWORD, '198.51.100.2')).status).toBe(429);
  });
});
