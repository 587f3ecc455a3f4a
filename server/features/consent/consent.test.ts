import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import {
  addAccount,
  fileOf,
  fromAddress,
  jsonOf,
  SAMPLE_FILES,
  TEST_PASSWORD,
} from '../accounts/testing';
import { policyHash, shippedPolicy } from './policy-store';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const codeOf = async (response: Response) => [
  response.status,
  (await jsonOf(response)).error?.code,
];
const TEXT = { ru: 'Политика, версия 2', kk: 'Саясат, 2-нұсқа', en: 'Policy, version 2' };
const publish = (auth: Record<string, string>, version: string, text = TEXT) =>
  t.app.request('/api/admin/policy', json('POST', { version, text }, auth));
const consentTo = (
  auth: Record<string, string>,
  policyVersion: string,
  thirdPartyTransfer = false,
) =>
  t.app.request(
    '/api/consent',
    json(
      'POST',
      { policyVersion, scopes: { processing: true, thirdPartyTransfer }, method: 'site' },
      {
        ...auth,
        'user-agent': 'Chrome/150',
      },
    ),
    fromAddress('10.0.0.9'),
  );

describe('policy texts', () => {
  it('serves the shipped version 1 to anyone, with the SHA-256 of its texts', async () => {
    const response = await t.app.request('/api/policy/current');
    expect(response.status).toBe(200);
    const body = await jsonOf(response);
    expect(body).toMatchObject({
      version: '1',
      publishedAt: '2026-11-24T10:00:00.000Z',
      text: shippedPolicy(),
    });
    expect(body.sha256).toBe(policyHash(shippedPolicy()));
    expect(body.text.ru).toContain('3.4.');
  });

  it('lists the versions newest first and serves each one', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    t.advance(1000);
    expect((await publish(admin.auth, '2')).status).toBe(201);
    const { versions } = await jsonOf(t.app.request('/api/policy/versions'));
    expect(versions.map((v: { version: string }) => v.version)).toEqual(['2', '1']);
    const v1 = await jsonOf(t.app.request('/api/policy/1'));
    expect(v1.text).toEqual(shippedPolicy());
    expect(await codeOf(await t.app.request('/api/policy/9'))).toEqual([404, 'not_found']);
  });
});

describe('publishing a policy', () => {
  it('makes the new version current, hashed, audited; consent to the old one is no longer current', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    t.advance(1000);
    const response = await publish(admin.auth, '2');
    expect(response.status).toBe(201);
    const sha = createHash('sha256')
      .update(`ru\n${TEXT.ru}\nkk\n${TEXT.kk}\nen\n${TEXT.en}\n`)
      .digest('hex');
    expect(await jsonOf(response)).toMatchObject({ version: '2', sha256: sha, text: TEXT });
    expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('2');
    const me = await jsonOf(t.app.request('/api/me', { headers: admin.auth }));
    expect(me.consent).toEqual({ current: false, policyVersion: '2' });
    const [event] = (await t.rows('auditEvents')).filter((r) => r.action === 'policy.published');
    expect(event).toMatchObject({
      actorUserId: admin.id,
      subjectId: '2',
      details: { sha256: sha },
    });
  });

  it('asks the admin to accept the version they published before they publish another', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    t.advance(1000);
    expect((await publish(admin.auth, '2')).status).toBe(201);
    const published = async () =>
      (await t.rows('auditEvents')).filter((r) => r.action === 'policy.published');
    t.advance(1000);
    const refused = await publish(admin.auth, '3');
    expect(refused.status).toBe(403);
    expect((await jsonOf(refused)).error).toMatchObject({
      code: 'consent_required',
      details: { policyVersion: '2' },
    });
    expect((await jsonOf(t.app.request('/api/policy/versions'))).versions).toHaveLength(2);
    expect(await published()).toHaveLength(1);

    expect((await consentTo(admin.auth, '2')).status).toBe(201);
    expect((await publish(admin.auth, '3')).status).toBe(201);
    expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('3');
  });

  it('answers consent_required to an admin who never accepted the policy', async () => {
    const admin = await addAccount(t, { role: 'admin', consent: false });
    const refused = await publish(admin.auth, '2');
    expect(refused.status).toBe(403);
    expect((await jsonOf(refused)).error).toMatchObject({
      code: 'consent_required',
      details: { policyVersion: '1' },
    });
    expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('1');
    expect((await consentTo(admin.auth, '1')).status).toBe(201);
    expect((await publish(admin.auth, '2')).status).toBe(201);
  });

  it('answers conflict for a version that exists', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    expect(await codeOf(await publish(admin.auth, '1'))).toEqual([409, 'conflict']);
  });

  it('refuses to roll the policy back to a version older than the current one', async () => {
    const admin = await addAccount(t, { role: 'admin' });
    expect((await publish(admin.auth, '2.10')).status).toBe(201);
    expect((await consentTo(admin.auth, '2.10')).status).toBe(201);
    for (const older of ['2.9', '2', '2.10.0', '1.5', '0']) {
      const refused = await publish(admin.auth, older);
      expect(await codeOf(refused), older).toEqual([409, 'conflict']);
    }
    expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('2.10');
    expect((await publish(admin.auth, '2.11')).status).toBe(201);
    expect((await consentTo(admin.auth, '2.11')).status).toBe(201);
    expect((await publish(admin.auth, '2026-11')).status).toBe(201);
    expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('2026-11');
  });

  it.each(['v2', 'draft', '2.x', '2..1', '-2', '2.1-beta'])(
    'refuses %j, which is not a version, with validation_failed',
    async (version) => {
      const admin = await addAccount(t, { role: 'admin' });
      expect(await codeOf(await publish(admin.auth, version))).toEqual([400, 'validation_failed']);
      expect((await jsonOf(t.app.request('/api/policy/current'))).version).toBe('1');
    },
  );

  it.each([
    ['a version named like a fixed path', { version: 'current', text: TEXT }],
    ['a version with a slash', { version: '../2', text: TEXT }],
    ['a missing language', { version: '2', text: { ru: 'x', en: 'y' } }],
    ['an empty text', { version: '2', text: { ...TEXT, kk: '' } }],
  ])('refuses %s with validation_failed', async (_, body) => {
    const admin = await addAccount(t, { role: 'admin' });
    const response = await t.app.request('/api/admin/policy', json('POST', body, admin.auth));
    expect(await codeOf(response)).toEqual([400, 'validation_failed']);
  });
});

describe('consent', () => {
  it('records consent to the current version with scopes, time, method, address and user agent', async () => {
    const user = await addAccount(t, { consent: false });
    const response = await consentTo(user.auth, '1', true);
    expect(response.status).toBe(201);
    expect(await jsonOf(response)).toEqual({
      action: 'given',
      policyVersion: '1',
      scopes: { processing: true, thirdPartyTransfer: true },
      at: '2026-11-24T10:00:00.000Z',
      method: 'site',
    });
    const row = (await t.rows('consents')).find((r) => r.userId === user.id);
    expect(row).toMatchObject({
      ip: '10.0.0.9',
      userAgent: 'Chrome/150',
      thirdPartyTransfer: true,
    });
    const me = await jsonOf(t.app.request('/api/me', { headers: user.auth }));
    expect(me.consent).toEqual({ current: true, policyVersion: '1' });
  });

  it('defaults the method to extension', async () => {
    const user = await addAccount(t, { consent: false });
    const body = { policyVersion: '1', scopes: { processing: true, thirdPartyTransfer: false } };
    const response = await t.app.request('/api/consent', json('POST', body, user.auth));
    expect((await jsonOf(response)).method).toBe('extension');
  });

  it('answers conflict with the current version for any other version', async () => {
    const user = await addAccount(t, { consent: false });
    const response = await consentTo(user.auth, '0');
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).error).toMatchObject({
      code: 'conflict',
      details: { policyVersion: '1' },
    });
  });

  it('refuses consent without the processing scope', async () => {
    const user = await addAccount(t, { consent: false });
    const body = { policyVersion: '1', scopes: { processing: false, thirdPartyTransfer: false } };
    expect(
      await codeOf(await t.app.request('/api/consent', json('POST', body, user.auth))),
    ).toEqual([400, 'validation_failed']);
  });

  it('withdraws with a new record, never editing the old one, and revokes every token', async () => {
    const user = await addAccount(t);
    const signIn = json('POST', { email: user.email, password: TEST_PASSWORD });
    const second = await jsonOf(t.app.request('/api/auth/login', signIn));
    const response = await t.app.request('/api/consent?method=site', {
      method: 'DELETE',
      headers: user.auth,
    });
    expect(response.status).toBe(200);
    expect(await jsonOf(response)).toMatchObject({
      action: 'withdrawn',
      policyVersion: '1',
      method: 'site',
    });

    const rows = (await t.rows('consents')).filter((r) => r.userId === user.id);
    expect(rows.map((r) => [r.action, r.processing])).toEqual([
      ['given', true],
      ['withdrawn', false],
    ]);
    for (const auth of [user.auth, { authorization: `Bearer ${second.token}` }]) {
      expect(await codeOf(await t.app.request('/api/me', { headers: auth }))).toEqual([
        401,
        'unauthorized',
      ]);
    }
    const actions = (await t.rows('auditEvents')).map((e) => e.action);
    expect(actions).toContain('consent.withdrawn');
  });

  it('asks for consent again after withdrawal before a write', async () => {
    const user = await addAccount(t);
    await t.app.request('/api/consent', { method: 'DELETE', headers: user.auth });
    const signIn = json('POST', { email: user.email, password: TEST_PASSWORD });
    const { token } = await jsonOf(t.app.request('/api/auth/login', signIn));
    const auth = { authorization: `Bearer ${token}` };
    const upload = () => {
      const form = new FormData();
      form.append('document', fileOf(SAMPLE_FILES.pdf, 'poa.pdf'));
      return t.app.request('/api/me/documents', { method: 'POST', headers: auth, body: form });
    };
    const refused = await upload();
    expect(refused.status).toBe(403);
    expect((await jsonOf(refused)).error).toMatchObject({
      code: 'consent_required',
      details: { policyVersion: '1' },
    });
    expect((await consentTo(auth, '1')).status).toBe(201);
    expect((await upload()).status).toBe(201);
  });
});
