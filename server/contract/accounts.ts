import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { loginAnswer, policyAnswer, pushAnswer, registeredAnswer } from './answers';
import { ADMIN, type Api, expectAnswer } from './client';
import { PDF, type ReportBody, upsertOf } from './fixtures';

// Accounts made the way an outside system makes them: registration, an admin's approval (and
// role), sign-in. Nothing is written to the database behind the server's back.

export type Role = 'analyst' | 'reviewer' | 'admin';

export type Account = {
  id: string;
  email: string;
  password: string;
  fullName: string;
  organization: string;
  role: Role;
  token: string;
};

export type FileUpload = { bytes: Uint8Array; name: string; type: string };

export const pdfUpload = (bytes: Uint8Array = PDF): FileUpload => ({
  bytes,
  name: 'authorization.pdf',
  type: 'application/pdf',
});

/** The version of the current policy, as the registration form would show it. */
export async function currentPolicyVersion(api: Api): Promise<string> {
  return expectAnswer(await api.request('GET', '/api/policy/current'), 200, policyAnswer).version;
}

/** A registration form; `fields` override or (with undefined) leave out fields. */
export function registrationForm(
  fields: Record<string, string | undefined>,
  files: FileUpload[] = [pdfUpload()],
): FormData {
  const unique = randomUUID().slice(0, 8);
  const values: Record<string, string | undefined> = {
    fullName: `Сериков Арман ${unique}`,
    email: `person-${unique}@contract.test`,
    password: 'a long enough password',
    organization: `Агентство ${unique}`,
    position: 'Главный эксперт',
    phone: '+7 701 000 00 00',
    acceptPolicy: 'true',
    ...fields,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) form.append(name, value);
  }
  for (const file of files) {
    form.append('documents', new Blob([file.bytes], { type: file.type }), file.name);
  }
  return form;
}

/** Signs in and gives the token. */
export async function signIn(api: Api, email: string, password: string): Promise<string> {
  const answer = await api.request('POST', '/api/auth/login', { json: { email, password } });
  return expectAnswer(answer, 200, loginAnswer).token;
}

/** Accepts the current policy version (processing only), as every user must before writing. */
export async function acceptCurrentPolicy(api: Api, token: string): Promise<void> {
  const answer = await api.request('POST', '/api/consent', {
    token,
    json: {
      policyVersion: await currentPolicyVersion(api),
      scopes: { processing: true, thirdPartyTransfer: false },
    },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
}

/**
 * The bootstrap admin's token, once they accepted the current policy: the server creates them
 * without consent, and their writes (approvals, roles, policies) need it like anyone's.
 */
export async function signInAdmin(api: Api): Promise<string> {
  const token = await signIn(api, ADMIN.email, ADMIN.password);
  await acceptCurrentPolicy(api, token);
  return token;
}

/** Registers an account (with one PDF unless `files` says otherwise) and leaves it pending. */
export async function registerPending(api: Api, files?: FileUpload[]) {
  const policyVersion = await currentPolicyVersion(api);
  const form = registrationForm({ policyVersion }, files);
  const email = String(form.get('email'));
  const answer = await api.request('POST', '/api/auth/register', { form });
  const { userId } = expectAnswer(answer, 201, registeredAnswer);
  return {
    id: userId,
    email,
    password: String(form.get('password')),
    fullName: String(form.get('fullName')),
    organization: String(form.get('organization')),
  };
}

/** Registers, approves (and gives the role) through the admin API, then signs in. */
export async function createAccount(api: Api, adminToken: string, role: Role): Promise<Account> {
  const pending = await registerPending(api);
  const approve = `/api/admin/users/${pending.id}/approve`;
  expect((await api.request('POST', approve, { token: adminToken })).status).toBe(200);
  if (role !== 'analyst') {
    const path = `/api/admin/users/${pending.id}/role`;
    const answer = await api.request('POST', path, { token: adminToken, json: { role } });
    expect(answer.status).toBe(200);
  }
  return { ...pending, role, token: await signIn(api, pending.email, pending.password) };
}

/** Pushes upserts of the reports, expects each to be applied, and gives them as stored. */
export async function pushReports(api: Api, token: string, reports: ReportBody[]) {
  const answer = await api.request('POST', '/api/sync/push', {
    token,
    json: { deviceId: 'contract-device', mutations: reports.map(upsertOf) },
  });
  const { results } = expectAnswer(answer, 200, pushAnswer);
  expect(results.map((r) => r.status)).toEqual(reports.map(() => 'applied'));
  return results.map((r) => r.report!);
}
