import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount } from '../../features/accounts/testing';
import { createTestApp } from '../../testing/test-app';
import { siteClient } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

describe('my data', () => {
  it('shows the profile and downloads everything held about the user as JSON', async () => {
    const analyst = await addAccount(t);
    const client = siteClient(t);
    client.signInAs(analyst.id);
    const page = await client.get('/me?lang=en');
    expect(page.status).toBe(200);
    expect(page.html).toContain(analyst.email);
    expect(page.html).toContain('href="/me/data.json"');
    const data = await client.get('/me/data.json');
    expect(data.status).toBe(200);
    expect(data.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(data.headers.get('content-disposition')).toMatch(
      /^attachment; filename="webtagger-my-data-/,
    );
    const body = JSON.parse(data.html);
    expect(body.profile).toMatchObject({ id: analyst.id, email: analyst.email });
    expect(body.consents).toHaveLength(1);
  });

  it('closes the account only after the confirmation step, and signs the user out', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const client = siteClient(t);
    client.signInAs(reviewer.id);
    const confirm = await client.get('/me/erase?lang=en');
    expect(confirm.html).toContain('name="confirm"');
    const unconfirmed = await client.post('/me/erase', {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.html).toMatch(/id="confirm-error">Tick the box to confirm\./);
    expect((await t.rows('users')).find((r) => r.id === reviewer.id)?.status).toBe('active');

    const done = await client.post('/me/erase', { confirm: 'true' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your account is closed');
    expect(done.html).not.toContain(reviewer.email);
    expect(client.cookies.has('wt_session')).toBe(false);
    expect((await t.rows('users')).find((r) => r.id === reviewer.id)?.status).toBe('closed');
    const live = (await t.rows('tokens')).filter((r) => r.userId === reviewer.id);
    expect(live.every((row) => row.revokedAt !== null)).toBe(true);
  });

  it('keeps the last admin from leaving', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    const client = siteClient(t);
    client.signInAs(admin.id);
    await client.get('/me/erase?lang=en');
    const refused = await client.post('/me/erase', { confirm: 'true' });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('You are the last administrator');
  });

  it('shows the closed account signed out, without asking to accept a new policy', async () => {
    const analyst = await addAccount(t, { consent: false });
    const client = siteClient(t);
    client.signInAs(analyst.id);
    const before = await client.get('/me/erase?lang=en');
    expect(before.html).toContain('Read and accept');
    const done = await client.post('/me/erase', { confirm: 'true' });
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your account is closed');
    expect(done.html).not.toContain('Read and accept');
    expect(done.html).not.toContain('/consent?next=');
  });
});
