import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/schemas/account';
import { createTestApp } from '../../testing/test-app';
import { checkDocument } from '../accounts/document-content';
import { documentFiles } from '../accounts/document-files';
import { documentRows, withNewIds } from '../accounts/documents-service';
import {
  addAccount,
  fileOf,
  registrationForm,
  SAMPLE_FILES,
  spooledFile,
  TEST_PASSWORD,
} from '../accounts/testing';

// Every endpoint of accounts, consent, administration, audit and the API document, asked by each
// kind of caller about their own data and about someone else's. Each cell is a fresh caller (and
// a fresh someone else), so cells that block, revoke or withdraw cannot disturb one another.

type Caller = 'anonymous' | 'pending' | 'blocked' | Role;
// Versions only move forward: each publication names the next one.
let publishedVersions = 0;
const CALLERS: Caller[] = ['anonymous', 'pending', 'blocked', 'analyst', 'reviewer', 'admin'];
type Answer = number | readonly [number, string];
type Scope = 'own' | 'other';
type Subject = { userId: string; documentId: string };
type Actor = { id?: string; email: string; auth: Record<string, string> };
type Endpoint = {
  name: string;
  send: (actor: Actor, subject: Subject) => Response | Promise<Response>;
  /** The answer per caller; a function of the scope where own and other's data differ. */
  expect: Record<Caller, Answer | ((scope: Scope) => Answer)>;
  /** Routes that name no one's data: one cell per caller instead of own and other's. */
  subjectless?: true;
  /** Checks made on a successful answer: that it holds the caller's own data only. */
  check?: (body: unknown, self: { actor: Actor; subject: Subject }) => void;
};

const UNAUTHORIZED = [401, 'unauthorized'] as const;
const PENDING = [403, 'account_pending'] as const;
const BLOCKED = [403, 'account_blocked'] as const;
const FORBIDDEN = [403, 'forbidden'] as const;
const publicRoute = (ok: number): Endpoint['expect'] => ({
  anonymous: ok,
  pending: ok,
  blocked: ok,
  analyst: ok,
  reviewer: ok,
  admin: ok,
});
const signedIn = (ok: number): Endpoint['expect'] => ({
  anonymous: UNAUTHORIZED,
  pending: PENDING,
  blocked: BLOCKED,
  analyst: ok,
  reviewer: ok,
  admin: ok,
});
const adminOnly = (ok: Answer | ((scope: Scope) => Answer)): Endpoint['expect'] => ({
  anonymous: UNAUTHORIZED,
  pending: PENDING,
  blocked: BLOCKED,
  analyst: FORBIDDEN,
  reviewer: FORBIDDEN,
  admin: ok,
});
const notOnYourself = (scope: Scope): Answer => (scope === 'own' ? FORBIDDEN : 200);

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

const request = (path: string, actor: Actor, init: RequestInit = {}) =>
  t.app.request(path, {
    ...init,
    headers: { ...actor.auth, ...(init.headers as Record<string, string>) },
  });
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const documentForm = () => {
  const form = new FormData();
  form.append('document', fileOf(SAMPLE_FILES.pdf, 'poa.pdf'));
  return form;
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/auth/register',
    subjectless: true,
    send: () =>
      t.app.request('/api/auth/register', { method: 'POST', body: registrationForm('1') }),
    expect: publicRoute(201),
  },
  {
    name: 'POST /api/auth/login',
    subjectless: true,
    send: (actor) =>
      t.app.request(
        '/api/auth/login',
        json('POST', { email: actor.email, password: TEST_PASSWORD }),
      ),
    expect: {
      ...publicRoute(200),
      anonymous: [401, 'invalid_credentials'],
      pending: PENDING,
      blocked: BLOCKED,
    },
  },
  {
    name: 'POST /api/auth/logout',
    subjectless: true,
    send: (actor) => request('/api/auth/logout', actor, { method: 'POST' }),
    expect: signedIn(204),
  },
  {
    name: 'GET /api/me',
    subjectless: true,
    send: (actor) => request('/api/me', actor),
    expect: signedIn(200),
    check: (body, self) => expect((body as { user: { id: string } }).user.id).toBe(self.actor.id),
  },
  {
    name: 'GET /api/me/documents',
    subjectless: true,
    send: (actor) => request('/api/me/documents', actor),
    expect: signedIn(200),
    check: (body, self) => {
      const ids = (body as { documents: { id: string }[] }).documents.map((d) => d.id);
      expect(ids).toEqual([self.subject.documentId]);
    },
  },
  {
    name: 'POST /api/me/documents',
    subjectless: true,
    send: (actor) => request('/api/me/documents', actor, { method: 'POST', body: documentForm() }),
    expect: signedIn(201),
  },
  {
    name: 'GET /api/policy/current',
    subjectless: true,
    send: () => t.app.request('/api/policy/current'),
    expect: publicRoute(200),
  },
  {
    name: 'GET /api/policy/versions',
    subjectless: true,
    send: () => t.app.request('/api/policy/versions'),
    expect: publicRoute(200),
  },
  {
    name: 'GET /api/policy/:version',
    subjectless: true,
    send: () => t.app.request('/api/policy/1'),
    expect: publicRoute(200),
  },
  {
    name: 'POST /api/consent',
    subjectless: true,
    send: (actor) =>
      request(
        '/api/consent',
        actor,
        json('POST', {
          policyVersion: '1',
          scopes: { processing: true, thirdPartyTransfer: false },
        }),
      ),
    expect: signedIn(201),
  },
  {
    name: 'DELETE /api/consent',
    subjectless: true,
    send: (actor) => request('/api/consent', actor, { method: 'DELETE' }),
    expect: signedIn(200),
  },
  {
    name: 'POST /api/admin/policy',
    subjectless: true,
    send: (actor) =>
      request(
        '/api/admin/policy',
        actor,
        json('POST', {
          version: `2.${++publishedVersions}`,
          text: { ru: 'р', kk: 'қ', en: 'e' },
        }),
      ),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/admin/users',
    subjectless: true,
    send: (actor) => request('/api/admin/users', actor),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/admin/users/:id/approve',
    send: (actor, subject) =>
      request(`/api/admin/users/${subject.userId}/approve`, actor, { method: 'POST' }),
    expect: adminOnly(200),
  },
  {
    name: 'POST /api/admin/users/:id/block',
    send: (actor, subject) =>
      request(`/api/admin/users/${subject.userId}/block`, actor, { method: 'POST' }),
    expect: adminOnly(notOnYourself),
  },
  {
    name: 'POST /api/admin/users/:id/role',
    send: (actor, subject) =>
      request(`/api/admin/users/${subject.userId}/role`, actor, json('POST', { role: 'analyst' })),
    expect: adminOnly(notOnYourself),
  },
  {
    name: 'POST /api/admin/documents/:id/approve',
    send: (actor, subject) =>
      request(`/api/admin/documents/${subject.documentId}/approve`, actor, { method: 'POST' }),
    expect: adminOnly(notOnYourself),
  },
  {
    name: 'POST /api/admin/documents/:id/reject',
    send: (actor, subject) =>
      request(`/api/admin/documents/${subject.documentId}/reject`, actor, { method: 'POST' }),
    expect: adminOnly(notOnYourself),
  },
  {
    name: 'GET /api/admin/documents/:id/file',
    send: (actor, subject) => request(`/api/admin/documents/${subject.documentId}/file`, actor),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/admin/audit',
    subjectless: true,
    send: (actor) => request('/api/admin/audit', actor),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/openapi.json',
    subjectless: true,
    send: () => t.app.request('/api/openapi.json'),
    expect: publicRoute(200),
  },
  {
    name: 'GET /api/health',
    subjectless: true,
    send: () => t.app.request('/api/health'),
    expect: publicRoute(200),
  },
];

/** A fresh account of the caller's kind with one stored representation document. */
async function accountWithDocument(caller: Exclude<Caller, 'anonymous'>) {
  const status = caller === 'pending' || caller === 'blocked' ? caller : 'active';
  const role = status === 'active' ? (caller as Role) : 'analyst';
  const account = await addAccount(t, { role, status });
  const [doc] = withNewIds([checkDocument(await spooledFile(t.dataDir, SAMPLE_FILES.pdf))]);
  await documentFiles(t.dataDir).writeThenCommit([doc!], () => {
    t.insert('documents', documentRows(account.id, 'representation', [doc!], t.deps.now()));
    return t.arranged();
  });
  return { actor: account as Actor, subject: { userId: account.id, documentId: doc!.id } };
}

const cells = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.flatMap((caller) =>
    (['own', 'other'] as const)
      // Anonymous callers have no data of their own; subjectless routes name nobody's data.
      .filter((scope) => (caller !== 'anonymous' && !endpoint.subjectless) || scope === 'other')
      .map((scope) => {
        const label = endpoint.subjectless
          ? 'no data named'
          : scope === 'own'
            ? 'own data'
            : "another's data";
        return [endpoint.name, caller, label, { endpoint, caller, scope }] as const;
      }),
  ),
);

describe('authorization matrix', () => {
  it.each(cells)('%s as %s (%s)', async (_name, _caller, _label, { endpoint, caller, scope }) => {
    const other = await accountWithDocument('analyst');
    const self =
      caller === 'anonymous'
        ? {
            actor: { email: `nobody-${crypto.randomUUID()}@gov.test`, auth: {} },
            subject: other.subject,
          }
        : await accountWithDocument(caller);
    const subject = scope === 'own' ? self.subject : other.subject;
    const rule = endpoint.expect[caller];
    const expected = typeof rule === 'function' ? rule(scope) : rule;

    const response = await endpoint.send(self.actor, subject);
    const text = await response.text();
    const body =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    if (typeof expected === 'number') {
      expect(response.status).toBe(expected);
      endpoint.check?.(body, self);
    } else {
      expect([response.status, body?.error?.code]).toEqual(expected);
    }
  });
});
