import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { addAccount, fromAddress, jsonOf, TEST_PASSWORD } from '../accounts/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const login = (email: string, password: string, address = '10.0.0.5') =>
  t.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, deviceName: 'Chrome' }),
    },
    fromAddress(address),
  );
const codeOf = async (response: Response) => [
  response.status,
  (await jsonOf(response)).error?.code,
];
const audit = async (action: string) =>
  (await t.rows('auditEvents')).filter((e) => e.action === action);

describe('sign-in', () => {
  it('issues a token that opens /api/me, and audits the sign-in with the address', async () => {
    const user = await addAccount(t, { email: 'analyst@gov.test' });
    const response = await login('Analyst@Gov.test', TEST_PASSWORD);
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(body.user).toEqual({ id: user.id, role: 'analyst', status: 'active' });
    const me = await t.app.request('/api/me', {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(await jsonOf(me)).toEqual({
      user: {
        id: user.id,
        email: 'analyst@gov.test',
        fullName: 'Тестов Тест Тестович',
        role: 'analyst',
        status: 'active',
      },
      consent: { current: true, policyVersion: '1' },
    });
    expect(await audit('auth.login_succeeded')).toMatchObject([
      { actorUserId: user.id, subjectId: user.id, ip: '10.0.0.5' },
    ]);
  });

  it('answers invalid_credentials for a wrong password and audits it against the account', async () => {
    const user = await addAccount(t);
    expect(await codeOf(await login(user.email, 'wrong password'))).toEqual([
      401,
      'invalid_credentials',
    ]);
    expect(await audit('auth.login_failed')).toMatchObject([
      {
        subjectType: 'user',
        subjectId: user.id,
        ip: '10.0.0.5',
        details: { reason: 'invalid_credentials' },
      },
    ]);
  });

  it('audits a failure for an unknown account without the e-mail or anything derived from it', async () => {
    expect(await codeOf(await login('nobody@gov.test', 'whatever'))).toEqual([
      401,
      'invalid_credentials',
    ]);
    const [event] = await audit('auth.login_failed');
    expect(event).toMatchObject({ subjectId: null, details: { reason: 'invalid_credentials' } });
    expect(JSON.stringify(event)).not.toMatch(/nobody/);
  });

  it('answers account_pending and account_blocked only to the right password', async () => {
    const pending = await addAccount(t, { status: 'pending' });
    const blocked = await addAccount(t, { status: 'blocked' });
    expect(await codeOf(await login(pending.email, 'wrong password'))).toEqual([
      401,
      'invalid_credentials',
    ]);
    expect(await codeOf(await login(pending.email, TEST_PASSWORD))).toEqual([
      403,
      'account_pending',
    ]);
    expect(await codeOf(await login(blocked.email, TEST_PASSWORD))).toEqual([
      403,
      'account_blocked',
    ]);
    expect((await audit('auth.login_failed')).map((e) => e.details?.reason)).toEqual([
      'invalid_credentials',
      'account_pending',
      'account_blocked',
    ]);
  });

  it('signs out: the token stops working and the sign-out is audited', async () => {
    const user = await addAccount(t);
    expect(
      (await t.app.request('/api/auth/logout', { method: 'POST', headers: user.auth })).status,
    ).toBe(204);
    expect(await codeOf(await t.app.request('/api/me', { headers: user.auth }))).toEqual([
      401,
      'unauthorized',
    ]);
    expect(await audit('auth.logout')).toMatchObject([{ actorUserId: user.id }]);
  });
});

describe('sign-in abuse', () => {
  it('locks an account after 10 failures, even against the right password, with Retry-After', async () => {
    const user = await addAccount(t);
    // Sent together: a guess waits while those ahead of it are checked, so none slips through.
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login(user.email, `guess number ${i}`, '203.0.113.9')),
    );
    const statuses = guesses.map((g) => g.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    // Throttled attempts are not audited, so a flood cannot flood the log.
    expect(await audit('auth.login_failed')).toHaveLength(10);

    const locked = await login(user.email, TEST_PASSWORD, '198.51.100.1');
    expect(await codeOf(locked)).toEqual([429, 'too_many_requests']);
    expect(locked.headers.get('retry-after')).toBe('900');

    t.advance(15 * 60_000);
    expect((await login(user.email, TEST_PASSWORD, '198.51.100.1')).status).toBe(200);
  });

  it("keeps the owner's known address open while others guess the password elsewhere", async () => {
    const owner = await addAccount(t);
    expect((await login(owner.email, TEST_PASSWORD, '10.0.0.5')).status).toBe(200);
    await Promise.all(Array.from({ length: 10 }, () => login(owner.email, 'guess', '203.0.113.9')));

    expect(await codeOf(await login(owner.email, TEST_PASSWORD, '203.0.113.9'))).toEqual([
      429,
      'too_many_requests',
    ]);
    expect(await codeOf(await login(owner.email, TEST_PASSWORD, '10.0.0.7'))).toEqual([
      429,
      'too_many_requests',
    ]);
    expect((await login(owner.email, TEST_PASSWORD, '10.0.0.5')).status).toBe(200);
  });

  it('throttles unknown e-mails like known ones, so the limit does not reveal which exist', async () => {
    await Promise.all(
      Array.from({ length: 10 }, () => login('ghost@gov.test', 'guess', '203.0.113.9')),
    );
    expect(await codeOf(await login('ghost@gov.test', 'guess', '198.51.100.1'))).toEqual([
      429,
      'too_many_requests',
    ]);
  });

  it('gives a guesser no extra guess when the owner signs in between guesses', async () => {
    const owner = await addAccount(t);
    expect((await login(owner.email, TEST_PASSWORD, '10.0.0.5')).status).toBe(200);
    const guesses: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 4; i++) {
        const guess = await login(owner.email, `guess ${round}.${i}`, `203.0.113.${round * 4 + i}`);
        guesses.push(guess.status);
      }
      // The owner keeps working from the office meanwhile.
      expect((await login(owner.email, TEST_PASSWORD, '10.0.0.5')).status).toBe(200);
    }
    expect(guesses.filter((status) => status === 401)).toHaveLength(10);
    expect(guesses.slice(10).every((status) => status === 429)).toBe(true);
    expect(await audit('auth.login_failed')).toHaveLength(10);
  });

  it('never refuses 50 right sign-ins of one reviewer sent at once', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => login(reviewer.email, TEST_PASSWORD, '10.0.0.5')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
  });

  it('never refuses 40 analysts signing in at once behind one office address', async () => {
    const analysts = await Promise.all(Array.from({ length: 40 }, () => addAccount(t)));
    const answers = await Promise.all(
      analysts.map((a) => login(a.email, TEST_PASSWORD, '203.0.113.200')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
  });

  it("does not lock analysts out of their office address for a guesser's failures there", async () => {
    const colleague = await addAccount(t);
    expect((await login(colleague.email, TEST_PASSWORD, '203.0.113.200')).status).toBe(200);
    const others = await Promise.all(Array.from({ length: 6 }, () => addAccount(t)));
    for (let i = 0; i < 40; i++) {
      await login(others[i % others.length]!.email, `guess ${i}`, '203.0.113.200');
    }
    expect(await audit('auth.login_failed')).toHaveLength(30);
    expect((await login(colleague.email, TEST_PASSWORD, '203.0.113.200')).status).toBe(200);
  });
});
