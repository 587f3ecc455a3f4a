import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, pushReports, type Role, registerPending, signInAdmin } from './accounts';
import { SIGNED_IN_OPERATIONS } from './api-md';
import { type Answer, type Api, expectError, type RequestOptions, startServer } from './client';
import { newReport, sha256Hex, uniquePng, upsertOf } from './fixtures';
import { materialOf } from './review';

// api.md's sections give each endpoint its callers: Sync to analysts, Review to reviewers and
// admins, Administration to admins, Accounts, consent and Data subject to anyone signed in.
// Each role gets 403 forbidden from the endpoints of the others, and everyone 401 without a token.

let api: Api;
const tokens = {} as Record<Role, string>;
let materialId: string;
let targetUserId: string;

beforeAll(async () => {
  api = await startServer();
  const adminToken = await signInAdmin(api);
  const [analyst, reviewer, target] = await Promise.all([
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'reviewer'),
    registerPending(api),
  ]);
  Object.assign(tokens, { analyst: analyst.token, reviewer: reviewer.token, admin: adminToken });
  const report = newReport();
  await pushReports(api, analyst.token, [report]);
  materialId = (await materialOf(api, reviewer.token, report.url)).id;
  targetUserId = target.id;
});
afterAll(() => api?.stop());

type Endpoint = {
  name: string;
  /** Who may call it; absent: anyone signed in. */
  roles?: Role[];
  /** Read-only endpoints are also called by their own roles, which must get 200. */
  read?: true;
  send: (options: RequestOptions) => Promise<Answer>;
};

const png = uniquePng('roles');
const SYNC: Role[] = ['analyst'];
const REVIEW: Role[] = ['reviewer', 'admin'];
const ADMIN: Role[] = ['admin'];
// Each request is well formed, so that only the caller's role can be the reason to refuse it.
const ENDPOINTS: Endpoint[] = [
  { name: 'POST /api/auth/logout', send: (o) => api.request('POST', '/api/auth/logout', o) },
  { name: 'GET /api/me', read: true, send: (o) => api.request('GET', '/api/me', o) },
  {
    name: 'POST /api/consent',
    send: (o) =>
      api.request('POST', '/api/consent', {
        json: { policyVersion: '1', scopes: { processing: true, thirdPartyTransfer: false } },
        ...o,
      }),
  },
  { name: 'DELETE /api/consent', send: (o) => api.request('DELETE', '/api/consent', o) },
  {
    name: 'POST /api/sync/push',
    roles: SYNC,
    send: (o) =>
      api.request('POST', '/api/sync/push', {
        json: { deviceId: 'roles', mutations: [upsertOf(newReport())] },
        ...o,
      }),
  },
  {
    name: 'GET /api/sync/pull',
    roles: SYNC,
    read: true,
    send: (o) => api.request('GET', '/api/sync/pull', o),
  },
  {
    name: 'GET /api/known-urls',
    roles: SYNC,
    read: true,
    send: (o) => api.request('GET', '/api/known-urls', o),
  },
  {
    name: 'PUT /api/evidence/:sha256',
    roles: SYNC,
    send: (o) =>
      api.request('PUT', `/api/evidence/${sha256Hex(png)}`, {
        bytes: png,
        contentType: 'image/png',
        ...o,
      }),
  },
  {
    name: 'GET /api/materials',
    roles: REVIEW,
    read: true,
    send: (o) => api.request('GET', '/api/materials', o),
  },
  {
    name: 'GET /api/materials/:id',
    roles: REVIEW,
    read: true,
    send: (o) => api.request('GET', `/api/materials/${materialId}`, o),
  },
  {
    name: 'POST /api/materials/:id/decision',
    roles: REVIEW,
    send: (o) =>
      api.request('POST', `/api/materials/${materialId}/decision`, {
        json: { status: 'under_review', comment: '', expectedVersion: 1 },
        ...o,
      }),
  },
  {
    name: 'GET /api/stats',
    roles: REVIEW,
    read: true,
    send: (o) => api.request('GET', '/api/stats?by=topic', o),
  },
  {
    name: 'GET /api/admin/users',
    roles: ADMIN,
    read: true,
    send: (o) => api.request('GET', '/api/admin/users?status=pending', o),
  },
  {
    name: 'POST /api/admin/users/:id/approve',
    roles: ADMIN,
    send: (o) => api.request('POST', `/api/admin/users/${targetUserId}/approve`, o),
  },
  {
    name: 'POST /api/admin/users/:id/block',
    roles: ADMIN,
    send: (o) => api.request('POST', `/api/admin/users/${targetUserId}/block`, o),
  },
  {
    name: 'POST /api/admin/policy',
    roles: ADMIN,
    send: (o) =>
      api.request('POST', '/api/admin/policy', {
        json: { version: '99', text: { ru: 'Текст', kk: 'Мәтін', en: 'Text' } },
        ...o,
      }),
  },
  {
    name: 'POST /api/admin/disclosures',
    roles: ADMIN,
    send: (o) =>
      api.request('POST', '/api/admin/disclosures', {
        json: {
          recipient: 'Someone',
          basis: 'A request of some kind',
          requestNumber: '1',
          requestDate: '2026-01-01',
          scope: { materialIds: [materialId] },
        },
        ...o,
      }),
  },
  {
    name: 'GET /api/admin/audit',
    roles: ADMIN,
    read: true,
    send: (o) => api.request('GET', '/api/admin/audit', o),
  },
  { name: 'GET /api/me/data', read: true, send: (o) => api.request('GET', '/api/me/data', o) },
  { name: 'DELETE /api/me', send: (o) => api.request('DELETE', '/api/me', o) },
];

const ROLES: Role[] = ['analyst', 'reviewer', 'admin'];
const forbiddenCells = ENDPOINTS.flatMap((endpoint) =>
  ROLES.filter((role) => endpoint.roles && !endpoint.roles.includes(role)).map((role) => ({
    ...endpoint,
    role,
  })),
);
const readCells = ENDPOINTS.filter((e) => e.read).flatMap((endpoint) =>
  (endpoint.roles ?? ROLES).map((role) => ({ ...endpoint, role })),
);

describe('every endpoint that needs a signed-in user', () => {
  it('is every row of api.md but the public ones', () => {
    expect(ENDPOINTS.map((e) => e.name)).toEqual(SIGNED_IN_OPERATIONS);
  });

  it.each(ENDPOINTS)('$name answers 401 unauthorized without a token', async (endpoint) => {
    expectError(await endpoint.send({}), 401, 'unauthorized');
  });

  it.each(ENDPOINTS)(
    '$name answers 401 unauthorized to a token it never issued',
    async (endpoint) => {
      expectError(await endpoint.send({ token: 'x'.repeat(43) }), 401, 'unauthorized');
    },
  );
});

describe("every endpoint of another role's section", () => {
  it.each(forbiddenCells)('$name answers 403 forbidden to the $role', async (cell) => {
    expectError(await cell.send({ token: tokens[cell.role] }), 403, 'forbidden');
  });

  it('changed nothing while it refused', async () => {
    const detail = await api.request('GET', `/api/materials/${materialId}`, {
      token: tokens.reviewer,
    });
    expect((detail.body as { material: { status: string } }).material.status).toBe('submitted');
    const pending = await api.request('GET', '/api/admin/users?status=pending', {
      token: tokens.admin,
    });
    const { users } = pending.body as { users: { id: string }[] };
    expect(users.map((u) => u.id)).toContain(targetUserId);
    const policy = await api.request('GET', '/api/policy/current');
    expect((policy.body as { version: string }).version).toBe('1');
  });
});

describe('every reading endpoint of a role', () => {
  it.each(readCells)('$name answers 200 to the $role', async (cell) => {
    const answer = await cell.send({ token: tokens[cell.role] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });
});
