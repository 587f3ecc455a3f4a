import type { z } from 'zod';
import {
  loginResponseSchema,
  meResponseSchema,
  registrationResponseSchema,
} from '../../shared/schemas/account';
import { consentRecordSchema } from '../../shared/schemas/consent';
import { currentPolicySchema } from '../../shared/schemas/policy';
import { pullResponseSchema } from '../../shared/schemas/sync';
import { ADMIN } from './server';

export type Credentials = { email: string; password: string };

const TINY_PDF = '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** The body of a successful answer, checked against its schema; an error answer throws with its body. */
async function json<S extends z.ZodType>(response: Response, schema?: S): Promise<z.infer<S>> {
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return schema ? schema.parse(body) : (body as z.infer<S>);
}

/** Signs in through the API and returns the bearer token. */
export async function apiLogin(serverUrl: string, who: Credentials): Promise<string> {
  const body = await json(
    await fetch(`${serverUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    }),
    loginResponseSchema,
  );
  return body.token;
}

/** Accepts the current policy version (processing only) for the token's user, unless they have. */
export async function acceptCurrentPolicy(serverUrl: string, token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const me = await json(await fetch(`${serverUrl}/api/me`, { headers }), meResponseSchema);
  if (me.consent.current) return;
  await json(
    await fetch(`${serverUrl}/api/consent`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        policyVersion: me.consent.policyVersion,
        scopes: { processing: true, thirdPartyTransfer: false },
      }),
    }),
    consentRecordSchema,
  );
}

/**
 * The bootstrap admin's token, once they accepted the current policy: the server creates them
 * without consent, and an admin's writes (approvals, policies) need it like anyone's.
 */
export async function adminLogin(serverUrl: string): Promise<string> {
  const token = await apiLogin(serverUrl, ADMIN);
  await acceptCurrentPolicy(serverUrl, token);
  return token;
}

/** Registers an analyst with one authorization document and has the admin approve them. */
export async function createApprovedAnalyst(
  serverUrl: string,
  who: Credentials = {
    email: `analyst-${Date.now()}@webtagger.test`,
    password: 'analyst-password-1',
  },
): Promise<Credentials> {
  const policy = await json(await fetch(`${serverUrl}/api/policy/current`), currentPolicySchema);
  const form = new FormData();
  form.set('fullName', 'Test Analyst');
  form.set('email', who.email);
  form.set('password', who.password);
  form.set('organization', 'Test Agency');
  form.set('position', 'Analyst');
  form.set('policyVersion', policy.version);
  form.set('acceptPolicy', 'true');
  form.append('documents', new Blob([TINY_PDF], { type: 'application/pdf' }), 'authorization.pdf');
  const { userId } = await json(
    await fetch(`${serverUrl}/api/auth/register`, { method: 'POST', body: form }),
    registrationResponseSchema,
  );
  const adminToken = await adminLogin(serverUrl);
  await json(
    await fetch(`${serverUrl}/api/admin/users/${userId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
    }),
  );
  return who;
}

/** The analyst's own reports as the server holds them (all pages of pull). */
export async function pullAll(serverUrl: string, token: string) {
  const changes: z.infer<typeof pullResponseSchema>['changes'] = [];
  let cursor = '';
  for (;;) {
    const page = await json(
      await fetch(`${serverUrl}/api/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      pullResponseSchema,
    );
    changes.push(...page.changes);
    cursor = encodeURIComponent(page.cursor);
    if (!page.hasMore) return changes;
  }
}

/** Publishes a new policy version as the admin; every user must accept it before the next write. */
export async function publishPolicy(serverUrl: string, version: string) {
  const token = await adminLogin(serverUrl);
  const response = await fetch(`${serverUrl}/api/admin/policy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      version,
      text: {
        ru: `Политика конфиденциальности, редакция ${version}`,
        kk: `Құпиялылық саясаты, ${version} редакциясы`,
        en: `Privacy policy, edition ${version}`,
      },
    }),
  });
  if (response.status !== 201) throw new Error(`publish policy: ${response.status}`);
}
