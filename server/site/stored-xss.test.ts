import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileOf, registrationForm, SAMPLE_FILES } from '../features/accounts/testing';
import { report } from '../features/review/testing';
import { createTestApp } from '../testing/test-app';
import { createUser } from '../testing/users';
import { type SiteClient, siteClient } from './testing/site-client';

// Hostile text typed by users (titles, notes, names, comments, disclosure and policy texts) and
// hostile query strings come out of every page as text: escaped, never markup.

const TAG = '<img src=x onerror=alert(1)>';
const BREAKOUT = '"><script>alert(2)</script>';
const HOSTILE = `${BREAKOUT}${TAG}</textarea>`;
const ESCAPED_TAG = '&lt;img src=x onerror=alert(1)&gt;';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: SiteClient;
let hostileUser: SiteClient;
let materialId: string;
beforeAll(async () => {
  t = await createTestApp();
  const analyst = createUser(t);
  ({ materialId } = await report(t, analyst, { title: HOSTILE, note: HOSTILE }));
  await t.app.request('/api/auth/register', {
    method: 'POST',
    body: registrationForm('1', { fullName: HOSTILE, organization: HOSTILE, position: HOSTILE }, [
      fileOf(SAMPLE_FILES.pdf, `${BREAKOUT}${TAG}.pdf`),
    ]),
  });
  admin = siteClient(t);
  admin.signInAs(createUser(t, { role: 'admin' }).id);
  await admin.get(`/review/materials/${materialId}`);
  await admin.post(`/review/materials/${materialId}/decision`, {
    status: 'under_review',
    comment: HOSTILE,
    expectedVersion: '1',
  });
  await admin.get('/admin/disclosures');
  await admin.post('/admin/disclosures', {
    recipient: HOSTILE,
    recipientType: 'state_body',
    basis: HOSTILE,
    requestNumber: `${TAG}`.slice(0, 100),
    requestDate: '2026-11-20',
    materialIds: materialId,
  });
  await admin.get('/admin/policies');
  await admin.post('/admin/policies', {
    version: '2',
    textRu: HOSTILE,
    textKk: HOSTILE,
    textEn: HOSTILE,
  });
  const user = createUser(t, { role: 'reviewer' });
  t.update('users', user.id, { fullName: HOSTILE, organization: HOSTILE });
  hostileUser = siteClient(t);
  hostileUser.signInAs(user.id);
});
afterAll(() => t.dispose());

const expectEscaped = (html: string, where: string) => {
  expect(html, where).not.toContain(TAG);
  expect(html, where).not.toContain('<script>alert(2)');
  expect(html, where).not.toMatch(/<\/textarea>[^<]*<\/textarea>/);
  expect(html, where).toContain(ESCAPED_TAG);
};

describe('stored hostile text', () => {
  it('is escaped in the queue, on the material page and in its history', async () => {
    expectEscaped((await admin.get('/review')).html, 'queue');
    const page = (await admin.get(`/review/materials/${materialId}`)).html;
    expectEscaped(page, 'material');
    // The title, the note and the comment each appear, escaped.
    expect(page.split(ESCAPED_TAG).length - 1).toBeGreaterThanOrEqual(4);
  });

  it('is escaped in the registrations list, document names included', async () => {
    const page = (await admin.get('/admin/users?status=pending')).html;
    expectEscaped(page, 'users');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('is escaped in the disclosures list', async () => {
    expectEscaped((await admin.get('/admin/disclosures')).html, 'disclosures');
  });

  it('is escaped in the policy texts, public and admin pages alike', async () => {
    expectEscaped((await siteClient(t).get('/policy')).html, 'policy');
    expectEscaped((await siteClient(t).get('/register')).html, 'register');
  });

  it("is escaped in the user's own name on every page's header and on their data page", async () => {
    expectEscaped((await hostileUser.get('/')).html, 'home');
    expectEscaped((await hostileUser.get('/me')).html, 'me');
  });
});

describe('hostile query strings and typed values', () => {
  it('come back escaped in the fields that show them', async () => {
    const q = encodeURIComponent(HOSTILE);
    expectEscaped((await admin.get(`/review?q=${q}`)).html, 'search');
    expectEscaped((await admin.get(`/stats?from=${q}`)).html, 'stats period');
    const filtered = await admin.get(`/admin/users?lang=${q}&status=${q}&cursor=${q}`);
    expect(filtered.html).not.toContain(TAG);
    expect(filtered.html).not.toContain('<script>alert(2)');
    const signIn = await siteClient(t).get(`/sign-in?next=${q}`);
    expect(signIn.html).toContain('name="next" value="/"');
  });

  it('are kept, escaped, when a form comes back with errors', async () => {
    const visitor = siteClient(t);
    await visitor.get('/register');
    const page = await visitor.post(
      '/register',
      { fullName: HOSTILE, email: HOSTILE, policyVersion: '1' },
      { multipart: true },
    );
    expect(page.status).toBe(400);
    expectEscaped(page.html, 'register again');
  });
});
