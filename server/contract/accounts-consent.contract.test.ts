import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  acceptCurrentPolicy,
  createAccount,
  currentPolicyVersion,
  pdfUpload,
  pushReports,
  registerPending,
  registrationForm,
  signIn,
  signInAdmin,
} from './accounts';
import {
  healthAnswer,
  loginAnswer,
  meAnswer,
  openApiAnswer,
  policyAnswer,
  registeredAnswer,
} from './answers';
import { inOpenApiForm, PUBLIC_OPERATIONS, SIGNED_IN_OPERATIONS } from './api-md';
import { ADMIN, type Api, expectAnswer, expectError, startServer } from './client';
import {
  JPEG,
  MIB,
  NOT_A_DOCUMENT,
  newReport,
  PDF,
  PNG,
  padded,
  sha256Hex,
  upsertOf,
} from './fixtures';
import { decide, materialOf } from './review';

// api.md: health, the OpenAPI document, Accounts, Policy and consent, and publishing a policy.

let api: Api;
let adminToken: string;
let analyst: Account;
let reviewer: Account;
let policyVersion: string;
const reported = newReport();

beforeAll(async () => {
  api = await startServer();
  adminToken = await signInAdmin(api);
  [analyst, reviewer] = await Promise.all([
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'reviewer'),
  ]);
  policyVersion = await currentPolicyVersion(api);
  await pushReports(api, analyst.token, [reported]);
});
afterAll(() => api?.stop());

const register = (form: FormData) => api.request('POST', '/api/auth/register', { form });
const login = (json: unknown) => api.request('POST', '/api/auth/login', { json });
const push = (token: string) =>
  api.request('POST', '/api/sync/push', {
    token,
    json: { deviceId: 'contract-device', mutations: [upsertOf(newReport())] },
  });

describe('the server at rest', () => {
  it('answers GET /api/health with 200 { ok: true }', async () => {
    expectAnswer(await api.request('GET', '/api/health'), 200, healthAnswer);
  });

  it('serves an OpenAPI 3 document that lists every path and method of api.md', async () => {
    const document = expectAnswer(
      await api.request('GET', '/api/openapi.json'),
      200,
      openApiAnswer,
    );
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const rows = [...PUBLIC_OPERATIONS, ...SIGNED_IN_OPERATIONS].map(inOpenApiForm);
    expect(listed).toEqual(expect.arrayContaining(rows));
  });
});

describe('POST /api/auth/register', () => {
  const file = (bytes: Uint8Array, name: string, type: string) => ({ bytes, name, type });

  it('takes a multipart form with up to five PDF, PNG or JPEG documents: 201 pending', async () => {
    const five = [
      file(PDF, 'order.pdf', 'application/pdf'),
      file(PNG, 'id-card.png', 'image/png'),
      file(JPEG, 'letter.jpg', 'image/jpeg'),
      file(PDF, 'annex.pdf', 'application/pdf'),
      file(JPEG, 'stamp.jpeg', 'image/jpeg'),
    ];
    const answer = await register(registrationForm({ policyVersion }, five));
    expect(expectAnswer(answer, 201, registeredAnswer).status).toBe('pending');
  });

  it('refuses a form with no documents, or with six, with validation_failed', async () => {
    const six = Array.from({ length: 6 }, () => pdfUpload());
    expectError(await register(registrationForm({ policyVersion }, [])), 400, 'validation_failed');
    expectError(await register(registrationForm({ policyVersion }, six)), 400, 'validation_failed');
  });

  it('judges a document by its content: text labelled as a PDF answers 415', async () => {
    const fake = file(NOT_A_DOCUMENT, 'scan.pdf', 'application/pdf');
    const answer = await register(registrationForm({ policyVersion }, [fake]));
    expectError(answer, 415, 'unsupported_media_type');
  });

  it('takes a document of exactly 10 MiB and refuses one byte more with 413', async () => {
    const largest = pdfUpload(padded(PDF, 10 * MIB));
    expectAnswer(
      await register(registrationForm({ policyVersion }, [largest])),
      201,
      registeredAnswer,
    );
    const tooLarge = pdfUpload(padded(PDF, 10 * MIB + 1));
    expectError(
      await register(registrationForm({ policyVersion }, [tooLarge])),
      413,
      'payload_too_large',
    );
  });

  it('needs a password of at least 10 characters (and no phone)', async () => {
    const nine = registrationForm({ policyVersion, password: '123456789' });
    expectError(await register(nine), 400, 'validation_failed');
    const ten = registrationForm({ policyVersion, password: '1234567890', phone: undefined });
    expectAnswer(await register(ten), 201, registeredAnswer);
  });

  it('needs acceptPolicy=true', async () => {
    const missing = registrationForm({ policyVersion, acceptPolicy: undefined });
    expectError(await register(missing), 400, 'validation_failed');
    const refused = registrationForm({ policyVersion, acceptPolicy: 'false' });
    expectError(await register(refused), 400, 'validation_failed');
  });

  it('needs the policyVersion accepted, and answers conflict when it is not the current one', async () => {
    expectError(await register(registrationForm({})), 400, 'validation_failed');
    const stale = registrationForm({ policyVersion: `${policyVersion}-old` });
    expectError(await register(stale), 409, 'conflict');
  });

  it('answers 409 email_taken for an e-mail that already has an account', async () => {
    const again = registrationForm({ policyVersion, email: analyst.email });
    expectError(await register(again), 409, 'email_taken');
  });

  it('answers 415 to a body that is not multipart/form-data', async () => {
    const answer = await api.request('POST', '/api/auth/register', {
      json: { email: 'someone@contract.test', password: 'a long enough password' },
    });
    expectError(answer, 415, 'unsupported_media_type');
  });
});

describe('POST /api/auth/login', () => {
  it('answers 200 { token, expiresAt, user: { id, role, status } } for an active account', async () => {
    const answer = await login({
      email: ADMIN.email,
      password: ADMIN.password,
      deviceName: 'Contract laptop',
    });
    const session = expectAnswer(answer, 200, loginAnswer);
    expect(session.user).toMatchObject({ role: 'admin', status: 'active' });
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
  });

  let pending: Awaited<ReturnType<typeof registerPending>>;

  it('answers 403 account_pending for a registration not yet approved', async () => {
    pending = await registerPending(api);
    const answer = await login({ email: pending.email, password: pending.password });
    expectError(answer, 403, 'account_pending');
  });

  it('answers 403 account_blocked once an admin blocked the account', async () => {
    const block = `/api/admin/users/${pending.id}/block`;
    expect((await api.request('POST', block, { token: adminToken })).status).toBe(200);
    const answer = await login({ email: pending.email, password: pending.password });
    expectError(answer, 403, 'account_blocked');
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown e-mail', async () => {
    const wrong = await login({ email: analyst.email, password: 'not the password at all' });
    expectError(wrong, 401, 'invalid_credentials');
    const unknown = await login({ email: 'nobody@contract.test', password: 'whatever it is' });
    expectError(unknown, 401, 'invalid_credentials');
  });

  it('answers 400 validation_failed to a body without an e-mail', async () => {
    expectError(await login({ password: 'a long enough password' }), 400, 'validation_failed');
  });
});

describe('POST /api/auth/logout', () => {
  it('answers 204, after which that token answers 401 and the other tokens still work', async () => {
    const token = await signIn(api, analyst.email, analyst.password);
    const answer = await api.request('POST', '/api/auth/logout', { token });
    expect(answer.status).toBe(204);
    expect(answer.body).toBe('');
    expectError(await api.request('GET', '/api/me', { token }), 401, 'unauthorized');
    expectAnswer(await api.request('GET', '/api/me', { token: analyst.token }), 200, meAnswer);
  });

  it('answers 401 unauthorized without a token', async () => {
    expectError(await api.request('POST', '/api/auth/logout'), 401, 'unauthorized');
  });
});

describe('GET /api/me', () => {
  it('tells who the caller is and whether they accepted the current policy', async () => {
    const me = expectAnswer(
      await api.request('GET', '/api/me', { token: analyst.token }),
      200,
      meAnswer,
    );
    expect(me.user).toEqual({
      id: analyst.id,
      email: analyst.email,
      fullName: analyst.fullName,
      role: 'analyst',
      status: 'active',
    });
    expect(me.consent).toEqual({ current: true, policyVersion });
  });

  it('answers 401 unauthorized without a token or with a token the server never issued', async () => {
    expectError(await api.request('GET', '/api/me'), 401, 'unauthorized');
    const forged = 'A'.repeat(43);
    expectError(await api.request('GET', '/api/me', { token: forged }), 401, 'unauthorized');
  });
});

describe('GET /api/policy/current', () => {
  it('is public and answers { version, publishedAt, sha256, text: { ru, kk, en } }', async () => {
    const policy = expectAnswer(await api.request('GET', '/api/policy/current'), 200, policyAnswer);
    expect(policy.text.ru).not.toBe(policy.text.en);
  });

  it('carries the SHA-256 of its three texts, each preceded by its language', async () => {
    const { sha256, text } = expectAnswer(
      await api.request('GET', '/api/policy/current'),
      200,
      policyAnswer,
    );
    expect(sha256).toBe(sha256Hex(`ru\n${text.ru}\nkk\n${text.kk}\nen\n${text.en}\n`));
  });
});

describe('POST /api/consent', () => {
  const consent = (token: string, version: string) =>
    api.request('POST', '/api/consent', {
      token,
      json: { policyVersion: version, scopes: { processing: true, thirdPartyTransfer: false } },
    });

  it('records consent to the current version with 201', async () => {
    expect((await consent(analyst.token, policyVersion)).status).toBe(201);
  });

  it('answers 409 conflict for a version that is not the current one', async () => {
    expectError(await consent(analyst.token, `${policyVersion}.9`), 409, 'conflict');
  });

  it('answers 400 validation_failed when processing is not accepted', async () => {
    const answer = await api.request('POST', '/api/consent', {
      token: analyst.token,
      json: { policyVersion, scopes: { processing: false, thirdPartyTransfer: false } },
    });
    expectError(answer, 400, 'validation_failed');
  });

  it('answers 401 unauthorized without a token', async () => {
    const answer = await api.request('POST', '/api/consent', {
      json: { policyVersion, scopes: { processing: true, thirdPartyTransfer: false } },
    });
    expectError(answer, 401, 'unauthorized');
  });
});

describe('DELETE /api/consent', () => {
  let user: Account;

  it('answers 200 and every token of the user stops working', async () => {
    user = await createAccount(api, adminToken, 'analyst');
    const second = await signIn(api, user.email, user.password);
    expect((await api.request('DELETE', '/api/consent', { token: user.token })).status).toBe(200);
    for (const token of [user.token, second]) {
      expectError(await api.request('GET', '/api/me', { token }), 401, 'unauthorized');
    }
  });

  it('leaves a user who signs in again without consent: writes answer 403 consent_required', async () => {
    const token = await signIn(api, user.email, user.password);
    const me = expectAnswer(await api.request('GET', '/api/me', { token }), 200, meAnswer);
    expect(me.consent).toEqual({ current: false, policyVersion });
    expect(expectError(await push(token), 403, 'consent_required')).toEqual({ policyVersion });
  });
});

describe('POST /api/admin/policy', () => {
  const texts = { ru: 'Политика, редакция 2', kk: 'Саясат, 2-басылым', en: 'Policy, edition 2' };

  it('answers 400 validation_failed without the text in all three languages', async () => {
    const answer = await api.request('POST', '/api/admin/policy', {
      token: adminToken,
      json: { version: '2', text: { ru: texts.ru, en: texts.en } },
    });
    expectError(answer, 400, 'validation_failed');
  });

  it('publishes a version with 201, which becomes the current one', async () => {
    const answer = await api.request('POST', '/api/admin/policy', {
      token: adminToken,
      json: { version: '2', text: texts },
    });
    const published = expectAnswer(answer, 201, policyAnswer);
    expect(published).toMatchObject({ version: '2', text: texts });
    const current = await api.request('GET', '/api/policy/current');
    expect(expectAnswer(current, 200, policyAnswer)).toEqual(published);
  });

  it('makes every user accept the new version before their next write', async () => {
    expect(expectError(await push(analyst.token), 403, 'consent_required')).toEqual({
      policyVersion: '2',
    });
    const me = await api.request('GET', '/api/me', { token: analyst.token });
    expect(expectAnswer(me, 200, meAnswer).consent).toEqual({ current: false, policyVersion: '2' });

    const accept = (version: string) =>
      api.request('POST', '/api/consent', {
        token: analyst.token,
        json: { policyVersion: version, scopes: { processing: true, thirdPartyTransfer: true } },
      });
    expectError(await accept(policyVersion), 409, 'conflict');
    expect((await accept('2')).status).toBe(201);
    expect((await push(analyst.token)).status).toBe(200);
  });

  it("holds a reviewer's decision and an admin's approval until each accepts it too", async () => {
    const material = await materialOf(api, reviewer.token, reported.url);
    const step = { status: 'under_review', comment: '', expectedVersion: material.version };
    const decision = await decide(api, reviewer.token, material.id, step);
    expect(expectError(decision, 403, 'consent_required')).toEqual({ policyVersion: '2' });
    expect(await materialOf(api, reviewer.token, reported.url)).toEqual(material);

    const pending = await registerPending(api);
    const approve = () =>
      api.request('POST', `/api/admin/users/${pending.id}/approve`, { token: adminToken });
    expect(expectError(await approve(), 403, 'consent_required')).toEqual({ policyVersion: '2' });
    expectError(
      await login({ email: pending.email, password: pending.password }),
      403,
      'account_pending',
    );

    await acceptCurrentPolicy(api, reviewer.token);
    expect((await decide(api, reviewer.token, material.id, step)).status).toBe(200);
    expect((await materialOf(api, reviewer.token, reported.url)).status).toBe('under_review');
    await acceptCurrentPolicy(api, adminToken);
    expect((await approve()).status).toBe(200);
    expect(await signIn(api, pending.email, pending.password)).toBeTruthy();
  });
});
