import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { siteClient } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: '30' });
});
afterEach(() => t.dispose());

describe('data-subject requests', () => {
  it("lists an erasure request and destroys the account's personal data once retention ran", async () => {
    const leaving = createUser(t, { email: 'leaving@gov.test' });
    const subject = siteClient(t);
    subject.signInAs(leaving.id);
    await subject.get('/me/erase');
    expect((await subject.post('/me/erase', { confirm: 'true' })).status).toBe(200);

    const adminId = createUser(t, { role: 'admin' }).id;
    let admin = siteClient(t);
    admin.signInAs(adminId);
    const listed = await admin.get('/admin/subject-requests?lang=en');
    expect(listed.html).toContain(leaving.id);
    expect(listed.html).toContain('due after 2026-12-24 10:00 UTC');

    await admin.post('/admin/subject-requests/retention');
    expect((await t.rows('users')).find((r) => r.id === leaving.id)?.email).toBe(
      'leaving@gov.test',
    );
    t.advance(31 * 86_400_000);
    admin = siteClient(t); // the earlier session has expired meanwhile
    admin.signInAs(adminId);
    await admin.get('/admin/subject-requests');
    const ran = await admin.post('/admin/subject-requests/retention');
    expect(ran.location).toBe('/admin/subject-requests?ran=1');
    const after = await admin.get(`${ran.location}&lang=en`);
    expect(after.html).toContain('personal data of 1 account(s) destroyed');
    expect(after.html).not.toContain('due after');
    expect((await t.rows('users')).find((r) => r.id === leaving.id)?.email).not.toBe(
      'leaving@gov.test',
    );
  });
});
