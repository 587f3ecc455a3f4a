import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { addAccount, fromAddress, TEST_PASSWORD } from '../accounts/testing';
import { LOGIN_LIMITS } from './login-throttle';

// The API's and the site's sign-in are two doors to one account: one limiter counts both.
let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

type Door = 'api' | 'site';
type Outcome = 'signed in' | 'wrong' | 'throttled' | `unexpected ${number}`;

const outcomeOf = (status: number, signedIn: number): Outcome => {
  if (status === signedIn) return 'signed in';
  if (status === 401) return 'wrong';
  if (status === 429) return 'throttled';
  return `unexpected ${status}`;
};

/** One sign-in attempt through a door, from an address. */
async function attempt(door: Door, email: string, password: string, address: string) {
  if (door === 'api') {
    const response = await t.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      },
      fromAddress(address),
    );
    return outcomeOf(response.status, 200);
  }
  const browser = siteClient(t, fromAddress(address));
  await browser.get('/sign-in');
  return outcomeOf((await browser.post('/sign-in', { email, password })).status, 303);
}

const DOORS: Record<string, (i: number) => Door> = {
  'the API alone': () => 'api',
  'the site alone': () => 'site',
  'the API and the site in turn': (i) => (i % 2 === 0 ? 'api' : 'site'),
};
const audited = async (action: string) =>
  (await t.rows('auditEvents')).filter((e) => e.action === action);

describe('one sign-in limit for the API and the site', () => {
  it.each(Object.keys(DOORS))(
    'locks an account after the same number of guesses through %s',
    async (doors) => {
      const door = DOORS[doors]!;
      const owner = await addAccount(t);
      const outcomes: Outcome[] = [];
      for (let i = 0; i < LOGIN_LIMITS.perAccount + 2; i++) {
        outcomes.push(await attempt(door(i), owner.email, `guess ${i}`, `203.0.113.${i + 1}`));
      }
      expect(outcomes).toEqual([
        ...Array(LOGIN_LIMITS.perAccount).fill('wrong'),
        'throttled',
        'throttled',
      ]);
      // Through either door, even with the right password, from an address never used before.
      expect(await attempt('api', owner.email, TEST_PASSWORD, '198.51.100.1')).toBe('throttled');
      expect(await attempt('site', owner.email, TEST_PASSWORD, '198.51.100.2')).toBe('throttled');
      expect(await audited('auth.login_failed')).toHaveLength(LOGIN_LIMITS.perAccount);
    },
  );

  it.each(Object.keys(DOORS))(
    'stops an address after the same number of failures through %s',
    async (doors) => {
      const door = DOORS[doors]!;
      // Several accounts, none guessed at often enough to be locked on its own.
      const accounts = await Promise.all(Array.from({ length: 6 }, () => addAccount(t)));
      const outcomes: Outcome[] = [];
      for (let i = 0; i < LOGIN_LIMITS.perAddress + 1; i++) {
        const { email } = accounts[i % accounts.length]!;
        outcomes.push(await attempt(door(i), email, `guess ${i}`, '203.0.113.50'));
      }
      expect(outcomes).toEqual([...Array(LOGIN_LIMITS.perAddress).fill('wrong'), 'throttled']);
      const other = await addAccount(t);
      expect(await attempt('api', other.email, TEST_PASSWORD, '203.0.113.50')).toBe('throttled');
      expect(await attempt('site', other.email, TEST_PASSWORD, '203.0.113.50')).toBe('throttled');
      expect(await attempt('site', other.email, TEST_PASSWORD, '203.0.113.51')).toBe('signed in');
    },
  );

  it('does not count a right password through one door as a failure against the other', async () => {
    const owner = await addAccount(t);
    const address = '203.0.113.80';
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      const door = i % 2 === 0 ? 'api' : 'site';
      expect(await attempt(door, owner.email, `guess ${i}`, address)).toBe('wrong');
    }
    expect(await attempt('site', owner.email, TEST_PASSWORD, address)).toBe('signed in');
    expect(await attempt('api', owner.email, TEST_PASSWORD, address)).toBe('signed in');
    // The success forgave nothing: one more failure at this address, and it is locked there too.
    expect(await attempt('api', owner.email, 'one more typo', address)).toBe('wrong');
    expect(await attempt('site', owner.email, TEST_PASSWORD, address)).toBe('throttled');
    expect(await attempt('api', owner.email, TEST_PASSWORD, '198.51.100.10')).toBe('throttled');
  });

  it('audits every sign-in and failure through either door with its address, as before', async () => {
    const owner = await addAccount(t);
    expect(await attempt('site', owner.email, TEST_PASSWORD, '10.0.0.5')).toBe('signed in');
    expect(await attempt('api', owner.email, 'wrong', '10.0.0.6')).toBe('wrong');
    expect(await attempt('site', owner.email, 'wrong', '10.0.0.7')).toBe('wrong');
    expect(await attempt('api', owner.email, TEST_PASSWORD, '10.0.0.8')).toBe('signed in');
    expect(await audited('auth.login_succeeded')).toMatchObject([
      { actorUserId: owner.id, ip: '10.0.0.5' },
      { actorUserId: owner.id, ip: '10.0.0.8' },
    ]);
    expect(await audited('auth.login_failed')).toMatchObject([
      { subjectId: owner.id, ip: '10.0.0.6', details: { reason: 'invalid_credentials' } },
      { subjectId: owner.id, ip: '10.0.0.7', details: { reason: 'invalid_credentials' } },
    ]);
    const devices = (await t.rows('tokens'))
      .filter((row) => row.userId === owner.id)
      .map((row) => row.deviceName);
    // The site's session token, the API's (no device named) and the test's own.
    expect(devices.sort()).toEqual([null, 'site', 'test']);
  });
});
