import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { siteClient } from '../../site/testing/site-client';
import { createTestApp } from '../../testing/test-app';
import { addAccount, TEST_PASSWORD } from '../accounts/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const signIn = async (email: string, password = TEST_PASSWORD, next?: string) => {
  const client = siteClient(t);
  await client.get(`/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const page = await client.post('/sign-in', { email, password, next: next ?? '/' });
  return { client, page };
};

describe('signing in to the site', () => {
  it('sets an httpOnly, SameSite=Strict session cookie holding a site token, and goes back', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const { client, page } = await signIn(
      reviewer.email,
      TEST_PASSWORD,
      '/review?status=submitted',
    );
    expect(page.status).toBe(303);
    expect(page.location).toBe('/review?status=submitted');
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('wt_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const siteTokens = (await t.rows('tokens')).filter((r) => r.deviceName === 'site');
    expect(siteTokens).toHaveLength(1);
    const home = await client.get('/');
    expect(home.html).toContain(reviewer.email);
  });

  it('marks the cookie Secure when the site is reached over HTTPS', async () => {
    const analyst = await addAccount(t);
    const client = siteClient(t);
    await client.get('/sign-in');
    const page = await client.post(
      '/sign-in',
      { email: analyst.email, password: TEST_PASSWORD },
      { origin: 'https://localhost', headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(page.status).toBe(303);
    expect(page.headers.getSetCookie().find((c) => c.startsWith('wt_session='))).toMatch(
      /; Secure/,
    );
  });

  it('never sends the visitor to another site after signing in', async () => {
    const analyst = await addAccount(t);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { page } = await signIn(analyst.email, TEST_PASSWORD, next);
      expect(page.location).toBe('/');
    }
  });

  it.each(['/.//evil.example', '/..//evil.example', '/%2e//evil.example', '/./\\evil.example'])(
    'is no open redirect through a dot-segment target %j, signing in or already signed in',
    async (next) => {
      const analyst = await addAccount(t);
      const { client, page } = await signIn(analyst.email, TEST_PASSWORD, next);
      expect(page.status).toBe(303);
      expect(page.location).toBe('/');
      const again = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(again.status).toBe(303);
      expect(again.location).toBe('/');
    },
  );

  it('shows why a sign-in failed and keeps the e-mail typed, but never the password', async () => {
    const pending = await addAccount(t, { status: 'pending' });
    const wrong = await signIn(pending.email, 'wrong password');
    expect(wrong.page.status).toBe(401);
    expect(wrong.page.html).toContain('Неверный e-mail или пароль.');
    expect(wrong.page.html).toContain(`value="${pending.email}"`);
    expect(wrong.page.html).not.toContain('wrong password');
    const awaiting = await signIn(pending.email);
    expect(awaiting.page.status).toBe(403);
    expect(awaiting.page.html).toContain('ожидает одобрения');
  });

  it('is rate-limited by the login service, with Retry-After', async () => {
    const analyst = await addAccount(t);
    const client = siteClient(t);
    await client.get('/sign-in?lang=en');
    for (let i = 0; i < 10; i++) {
      const page = await client.post('/sign-in', { email: analyst.email, password: `guess ${i}` });
      expect(page.status).toBe(401);
    }
    const locked = await client.post('/sign-in', { email: analyst.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(locked.html).toContain('Try again in 15 minutes');
  });

  it('signs out: the token is revoked, the cookie cleared, and the sign-out audited', async () => {
    const analyst = await addAccount(t);
    const { client } = await signIn(analyst.email);
    await client.get('/');
    const out = await client.post('/sign-out');
    expect(out.status).toBe(303);
    expect(client.cookies.has('wt_session')).toBe(false);
    const live = (await t.rows('tokens')).filter((r) => r.deviceName === 'site');
    expect(live.every((row) => row.revokedAt !== null)).toBe(true);
    const logout = (await t.rows('auditEvents')).filter((r) => r.action === 'auth.logout');
    expect(logout).toMatchObject([{ actorUserId: analyst.id, details: { device: 'site' } }]);
  });

  it('ends the session of an account blocked meanwhile', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const client = siteClient(t);
    client.signInAs(reviewer.id);
    expect((await client.get('/review')).status).not.toBe(303);
    const admin = await addAccount(t, { role: 'admin' });
    await t.app.request(`/api/admin/users/${reviewer.id}/block`, {
      method: 'POST',
      headers: admin.auth,
    });
    const after = await client.get('/review');
    expect(after.status).toBe(303);
    expect(after.location).toBe('/sign-in?next=%2Freview');
  });
});

describe('forms and cross-site request forgery', () => {
  it('refuses a state-changing form without the form token, or with a wrong one', async () => {
    const analyst = await addAccount(t);
    const client = siteClient(t);
    client.signInAs(analyst.id);
    await client.get('/');
    for (const formToken of [null, 'x'.repeat(43), `${client.formToken}x`]) {
      const page = await client.post('/sign-out', {}, { token: formToken });
      expect(page.status).toBe(403);
      expect(page.html).toContain('устарела');
    }
    const session = (await t.rows('tokens')).find((r) => r.deviceName === 'site');
    expect(session?.revokedAt).toBeNull();
    expect((await client.get('/')).html).toContain(analyst.email);
  });

  it("refuses another session's form token", async () => {
    const mine = siteClient(t);
    const theirs = siteClient(t);
    mine.signInAs((await addAccount(t)).id);
    theirs.signInAs((await addAccount(t)).id);
    await theirs.get('/');
    await mine.get('/');
    const page = await mine.post('/sign-out', {}, { token: theirs.formToken });
    expect(page.status).toBe(403);
  });

  it('refuses a form posted from another origin, or with no origin at all', async () => {
    const analyst = await addAccount(t);
    const client = siteClient(t);
    client.signInAs(analyst.id);
    await client.get('/');
    expect((await client.post('/sign-out', {}, { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await client.post('/sign-out', {}, { origin: null })).status).toBe(403);
    expect((await client.post('/sign-out')).status).toBe(303);
  });

  it('binds the sign-in form to the visitor, so a forged sign-in is refused', async () => {
    const analyst = await addAccount(t);
    const attacker = siteClient(t);
    await attacker.get('/sign-in');
    const victim = siteClient(t);
    const page = await victim.post(
      '/sign-in',
      { email: analyst.email, password: TEST_PASSWORD },
      { token: attacker.formToken },
    );
    expect(page.status).toBe(403);
    expect(victim.cookies.has('wt_session')).toBe(false);
  });
});
