import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, type TestAccount } from '../../features/accounts/testing';
import { report } from '../../features/review/testing';
import { createTestApp } from '../../testing/test-app';
import { createUser, giveConsent } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestAccount;
beforeEach(async () => {
  t = await createTestApp();
  admin = await addAccount(t, { role: 'admin' });
});
afterEach(() => t.dispose());

const TEXT = (version: string) => ({
  ru: `Политика конфиденциальности, редакция ${version}.`,
  kk: `Құпиялылық саясаты, ${version}-редакция.`,
  en: `Privacy policy, revision ${version}.`,
});

/** Publishes a policy version through the API, as an admin elsewhere would. */
async function publish(version: string) {
  giveConsent(t, admin.id); // publishing is a write: the admin accepts the version in force first
  const response = await t.app.request('/api/admin/policy', {
    method: 'POST',
    headers: { ...admin.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ version, text: TEXT(version) }),
  });
  expect(response.status).toBe(201);
}

/** A signed-in browser of the account, in English, that has seen a page (and its form token). */
async function browserOf(account: { id: string }, page = '/?lang=en') {
  const browser = siteClient(t);
  browser.signInAs(account.id);
  await browser.get(page);
  return browser;
}

const latestConsent = async (userId: string) =>
  (await t.rows('consents')).filter((r) => r.userId === userId).sort((a, b) => b.id - a.id)[0];
const auditCount = async () => (await t.rows('auditEvents')).length;
const from = (path: string) => ({ headers: { referer: `http://localhost${path}` } });
const NOT_SAVED = 'Your change was not saved';

describe('consent on the site after a new policy version', () => {
  it('refuses a decision with the policy to accept, then leads back to the material', async () => {
    const analyst = createUser(t);
    const { materialId } = await report(t, analyst);
    const reviewer = await addAccount(t, { role: 'reviewer' });
    await publish('2');
    const page = `/review/materials/${materialId}`;
    const browser = await browserOf(reviewer, `${page}?lang=en`);
    const shown = await browser.get(page);
    expect(textOf(shown.html)).toContain('Version 2 of the privacy policy is now in force');
    expect(shown.html).toContain(`href="/consent?next=${encodeURIComponent(page)}"`);

    const decision = { status: 'under_review', comment: 'Берём в работу', expectedVersion: '1' };
    const refused = await browser.post(`${page}/decision`, decision, from(page));
    expect(refused.status).toBe(403);
    expect(textOf(refused.html)).toContain(NOT_SAVED);
    expect(refused.html).toContain(TEXT('2').en);
    expect(refused.html).not.toContain(TEXT('2').ru);
    expect(refused.html).toContain(`name="next" value="${page}"`);
    const status = async () => (await t.rows('materials')).find((r) => r.id === materialId)?.status;
    expect(await status()).toBe('submitted');

    const accepted = await browser.post('/consent', {
      policyVersion: '2',
      acceptPolicy: 'true',
      thirdPartyTransfer: 'true',
      next: page,
    });
    expect([accepted.status, accepted.location]).toEqual([303, page]);
    expect(await latestConsent(reviewer.id)).toMatchObject({
      action: 'given',
      policyVersion: '2',
      processing: true,
      thirdPartyTransfer: true,
      method: 'site',
    });
    const given = (await t.rows('auditEvents')).filter((r) => r.action === 'consent.given');
    expect(given).toMatchObject([{ actorUserId: reviewer.id, details: { policyVersion: '2' } }]);

    const back = await browser.get(page);
    expect(textOf(back.html)).not.toContain('now in force');
    expect((await browser.post(`${page}/decision`, decision)).status).toBe(303);
    expect(await status()).toBe('under_review');
  });

  it('refuses every other change on the site the same way, and changes nothing', async () => {
    const pending = await addAccount(t, { status: 'pending' });
    const active = await addAccount(t);
    await publish('2');
    const browser = await browserOf(admin, '/admin/users?lang=en');
    const before = {
      audit: await auditCount(),
      users: await t.rows('users'),
      policies: (await t.rows('policies')).length,
      disclosures: (await t.rows('disclosures')).length,
    };
    const writes: [string, Record<string, string>][] = [
      [`/admin/users/${pending.id}/approve`, {}],
      [`/admin/users/${active.id}/block`, {}],
      [`/admin/users/${active.id}/role`, { role: 'reviewer' }],
      [`/admin/documents/${crypto.randomUUID()}/approve`, {}],
      ['/admin/policies', { version: '3', textRu: 'а', textKk: 'ә', textEn: 'a' }],
      [
        '/admin/disclosures',
        { recipient: 'Полиция', recipientType: 'state_body', basis: 'Запрос', scope: '' },
      ],
      ['/admin/subject-requests/retention', {}],
    ];
    for (const [path, fields] of writes) {
      const refused = await browser.post(path, fields, from('/admin/users'));
      expect(refused.status, path).toBe(403);
      expect(refused.html, path).toContain('action="/consent"');
      expect(textOf(refused.html), path).toContain(NOT_SAVED);
    }
    expect(await auditCount()).toBe(before.audit);
    expect(await t.rows('users')).toEqual(before.users);
    expect(await t.rows('policies')).toHaveLength(before.policies);
    expect(await t.rows('disclosures')).toHaveLength(before.disclosures);

    await browser.post('/consent', { policyVersion: '2', acceptPolicy: 'true', next: '/' });
    expect(await latestConsent(admin.id)).toMatchObject({
      policyVersion: '2',
      thirdPartyTransfer: false,
    });
    await browser.get('/admin/users');
    expect((await browser.post(`/admin/users/${pending.id}/approve`, {})).status).toBe(303);
  });

  it('asks an account that never consented (such as the first admin) the same way', async () => {
    const first = await addAccount(t, { role: 'admin', consent: false });
    const pending = await addAccount(t, { status: 'pending' });
    const browser = await browserOf(first, '/admin/users?lang=en');
    expect(textOf((await browser.get('/admin/users')).html)).toContain('Version 1');
    const refused = await browser.post(`/admin/users/${pending.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('action="/consent"');
  });

  it('shows the current policy in the language of the page', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    await publish('2');
    const browser = await browserOf(reviewer);
    for (const lang of ['ru', 'kk', 'en'] as const) {
      const page = await browser.get(`/consent?lang=${lang}`);
      expect(page.status).toBe(200);
      for (const other of ['ru', 'kk', 'en'] as const) {
        expect(page.html.includes(TEXT('2')[other]), `${lang} page, ${other} text`).toBe(
          other === lang,
        );
      }
    }
  });

  it('accepts nothing without the tick, nor a version replaced while the page was open', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    await publish('2');
    const browser = await browserOf(reviewer, '/consent?lang=en');
    const unticked = await browser.post('/consent', { policyVersion: '2', next: '/' });
    expect(unticked.status).toBe(400);
    expect(textOf(unticked.html)).toContain('Tick the box to accept the policy.');

    await publish('3');
    const stale = await browser.post('/consent', { policyVersion: '2', acceptPolicy: 'true' });
    expect(stale.status).toBe(409);
    expect(stale.html).toContain(TEXT('3').en);
    expect(stale.html).toContain('name="policyVersion" value="3"');
    expect((await latestConsent(reviewer.id))?.policyVersion).toBe('1');
  });

  it('lets a user sign out or ask for erasure without accepting first', async () => {
    const analyst = await addAccount(t);
    await publish('2');
    const browser = await browserOf(analyst);
    expect((await browser.post('/sign-out')).status).toBe(303);
    const again = await browserOf(analyst, '/me/erase');
    const erased = await again.post('/me/erase', { confirm: 'true' });
    expect(erased.status).toBe(200);
    expect((await t.rows('users')).find((r) => r.id === analyst.id)?.status).toBe('closed');
  });

  it('never reminds or stops a user whose consent is current', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const browser: SiteClient = await browserOf(reviewer);
    expect(textOf((await browser.get('/review')).html)).not.toContain('now in force');
  });
});

describe('withdrawing consent on the site', () => {
  it('records the withdrawal and ends every session of the user, as DELETE /api/consent', async () => {
    const reviewer = await addAccount(t, { role: 'reviewer' });
    const browser = await browserOf(reviewer, '/me?lang=en');
    const consentPage = await browser.get('/consent');
    expect(consentPage.html).toContain('action="/consent/withdraw"');

    const unconfirmed = await browser.post('/consent/withdraw', {});
    expect(unconfirmed.status).toBe(400);
    expect((await latestConsent(reviewer.id))?.action).toBe('given');

    const withdrawn = await browser.post('/consent/withdraw', { confirm: 'true' });
    expect(withdrawn.status).toBe(200);
    expect(textOf(withdrawn.html)).toContain('Consent withdrawn');
    expect(browser.cookies.has('wt_session')).toBe(false);
    expect(await latestConsent(reviewer.id)).toMatchObject({ action: 'withdrawn', method: 'site' });
    // The API token the user had elsewhere (the extension's) stops working too.
    const me = await t.app.request('/api/me', { headers: reviewer.auth });
    expect(me.status).toBe(401);
    expect((await browser.get('/review')).location).toBe('/sign-in?next=%2Freview');
  });
});
