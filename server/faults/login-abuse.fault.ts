import { scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { auditEvents, users } from '../db/schema';
import {
  addAccount,
  fromAddress,
  registrationForm,
  TEST_PASSWORD,
} from '../features/accounts/testing';
import { LOGIN_LIMITS } from '../features/auth/login-throttle';
import { currentPolicy } from '../features/consent/policy-store';
import { spawnServer } from '../testing/spawned-server';
import { createTestApp } from '../testing/test-app';
import { countBy } from './support/answer-check';

// R7: guessing is limited per account and per address (counts of 401 and 429), and the stored
// password hash is scrypt with memory-hard parameters.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const login = (email: string, password: string, address: string) =>
  t.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    },
    fromAddress(address),
  );

/** How many answers had each status. */
const tally = (statuses: number[]) => countBy(statuses, (s) => s);

const failuresAudited = () =>
  t.sqlite.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login_failed')).all()
    .length;

describe('R7: login abuse', () => {
  it(`lets ${LOGIN_LIMITS.perAccount} parallel guesses at one account through, from any addresses, then answers 429`, async () => {
    const owner = await addAccount(t);
    expect((await login(owner.email, TEST_PASSWORD, '10.1.0.1')).status).toBe(200);
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        login(owner.email, `wrong guess ${i}`, `10.2.0.${i + 1}`),
      ),
    );
    const statuses = guesses.map((r) => r.status);
    console.info(`R7 per account: ${JSON.stringify(tally(statuses))}`);
    expect(tally(statuses)).toEqual({
      401: LOGIN_LIMITS.perAccount,
      429: 25 - LOGIN_LIMITS.perAccount,
    });
    expect(guesses.find((r) => r.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
    // The right password from a new address waits too; from the owner's known address it works.
    expect((await login(owner.email, TEST_PASSWORD, '10.3.0.1')).status).toBe(429);
    expect((await login(owner.email, TEST_PASSWORD, '10.1.0.1')).status).toBe(200);
    expect(failuresAudited()).toBe(LOGIN_LIMITS.perAccount);
  });

  it(`lets ${LOGIN_LIMITS.perAddress} failures from one address through, whatever the accounts, then answers 429`, async () => {
    const victim = await addAccount(t);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      statuses.push((await login(`nobody-${i}@gov.test`, 'wrong password', '10.9.9.9')).status);
    }
    console.info(`R7 per address: ${JSON.stringify(tally(statuses))}`);
    expect(statuses.slice(0, LOGIN_LIMITS.perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_LIMITS.perAddress).every((s) => s === 429)).toBe(true);
    expect((await login(victim.email, TEST_PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await login(victim.email, TEST_PASSWORD, '10.9.9.10')).status).toBe(200);
    expect(failuresAudited()).toBe(LOGIN_LIMITS.perAddress);
  });

  it('limits by the real connection address over HTTP, ignoring X-Forwarded-For', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'webtagger-r7-'));
    const storage = openStorage(dataDir);
    storage.close();
    const server = await spawnServer({ dataDir });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LOGIN_LIMITS.perAddress + 5; i++) {
        const response = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i}` },
          body: JSON.stringify({ email: `guess-${i}@gov.test`, password: 'wrong password' }),
        });
        statuses.push(response.status);
        await response.body?.cancel();
      }
      console.info(`R7 over HTTP from 127.0.0.1: ${JSON.stringify(tally(statuses))}`);
      expect(tally(statuses)).toEqual({ 401: LOGIN_LIMITS.perAddress, 429: 5 });
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stores registered passwords as salted scrypt hashes that take 32 MiB or more to compute', async () => {
    const version = (await currentPolicy(t.storage))!.version;
    const password = 'one shared password';
    const emails = ['first@gov.test', 'second@gov.test'];
    for (const email of emails) {
      const response = await t.app.request('/api/auth/register', {
        method: 'POST',
        body: registrationForm(version, { email, password }),
      });
      expect(response.status).toBe(201);
    }
    const hashes = emails.map(
      (email) => t.sqlite.db.select().from(users).where(eq(users.email, email)).get()!.passwordHash,
    );
    for (const hash of hashes) {
      const [scheme, n, r, p, salt, key] = hash.split('$');
      const params = { N: Number(n), r: Number(r), p: Number(p) };
      console.info(
        `R7 stored hash parameters: ${scheme} ${JSON.stringify(params)}, ${(128 * params.N * params.r) / 2 ** 20} MiB`,
      );
      expect(scheme).toBe('scrypt');
      expect(params.N).toBeGreaterThanOrEqual(2 ** 15);
      expect(params.r).toBeGreaterThanOrEqual(8);
      expect(params.p).toBeGreaterThanOrEqual(1);
      expect(128 * params.N * params.r).toBeGreaterThanOrEqual(32 * 2 ** 20);
      expect(Buffer.from(salt!, 'base64url')).toHaveLength(16);
      expect(Buffer.from(key!, 'base64url')).toHaveLength(32);
      expect(hash).not.toContain(password);
      // Node refuses to derive it in less memory: the cost is memory, not only time.
      const derive = (maxmem: number) =>
        scryptSync(password.normalize('NFKC'), Buffer.from(salt!, 'base64url'), 32, {
          ...params,
          maxmem,
        });
      expect(() => derive(16 * 2 ** 20)).toThrow(/memory/i);
      expect(derive(64 * 2 ** 20).toString('base64url')).toBe(key);
    }
    expect(hashes[0]).not.toBe(hashes[1]);
  });
});
