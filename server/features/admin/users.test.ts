import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import {
  addAccount,
  fileOf,
  jsonOf,
  registrationForm,
  SAMPLE_FILES,
  type TestAccount,
} from '../accounts/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestAccount;
beforeEach(async () => {
  t = await createTestApp();
  admin = await addAccount(t, { role: 'admin' });
});
afterEach(() => t.dispose());

const codeOf = async (response: Response) => [
  response.status,
  (await jsonOf(response)).error?.code,
];
const post = (path: string, body?: unknown, account = admin) =>
  t.app.request(path, {
    method: 'POST',
    headers: { ...account.auth, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
const listUsers = async (query = '') =>
  jsonOf(t.app.request(`/api/admin/users${query}`, { headers: admin.auth }));
const auditOf = async (action: string) =>
  (await t.rows('auditEvents')).filter((r) => r.action === action);
const registerOne = async () => {
  const form = registrationForm('1', {}, [
    fileOf(SAMPLE_FILES.pdf, 'order.pdf'),
    fileOf(SAMPLE_FILES.jpeg, 'id.jpg'),
  ]);
  const response = await t.app.request('/api/auth/register', { method: 'POST', body: form });
  return (await jsonOf(response)).userId as string;
};

describe('the registrations queue', () => {
  it("lists pending accounts with their documents' metadata", async () => {
    const userId = await registerOne();
    const { users: pending, hasMore } = await listUsers('?status=pending');
    expect(hasMore).toBe(false);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      id: userId,
      status: 'pending',
      organization: 'Министерство информации',
      phone: '+7 701 000 00 00',
    });
    expect(
      pending[0].documents.map((d: { originalName: string; mime: string }) => [
        d.originalName,
        d.mime,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['order.pdf', 'application/pdf'],
        ['id.jpg', 'image/jpeg'],
      ]),
    );
    expect(pending[0]).not.toHaveProperty('passwordHash');
  });

  it('pages with a cursor, oldest first', async () => {
    for (let i = 0; i < 3; i++) {
      t.advance(1000);
      await addAccount(t);
    }
    const first = await listUsers('?limit=2');
    expect(first.users).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await listUsers(`?limit=2&cursor=${first.cursor}`);
    expect(second.hasMore).toBe(false);
    const ids = [...first.users, ...second.users].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(4);
    expect(ids[0]).toBe(admin.id);
  });

  it('refuses a bad status, limit or cursor', async () => {
    for (const query of ['?status=gone', '?limit=0', '?limit=501', '?cursor=not-a-cursor']) {
      const response = await t.app.request(`/api/admin/users${query}`, { headers: admin.auth });
      expect(await codeOf(response)).toEqual([400, 'validation_failed']);
    }
  });
});

describe('account decisions', () => {
  it('approves a registration: the account and its authorization documents become active/approved', async () => {
    const userId = await registerOne();
    const response = await post(`/api/admin/users/${userId}/approve`);
    expect(response.status).toBe(200);
    const { user } = await jsonOf(response);
    expect(user.status).toBe('active');
    expect(user.documents.map((d: { status: string }) => d.status)).toEqual([
      'approved',
      'approved',
    ]);
    expect(await auditOf('user.approved')).toMatchObject([
      {
        actorUserId: admin.id,
        subjectId: userId,
        details: { previousStatus: 'pending', documentsApproved: 2 },
      },
    ]);
    // Approving again changes nothing and records nothing.
    await post(`/api/admin/users/${userId}/approve`);
    expect(await auditOf('user.approved')).toHaveLength(1);
  });

  it('blocks an account and revokes every token it has', async () => {
    const analyst = await addAccount(t);
    const response = await post(`/api/admin/users/${analyst.id}/block`);
    expect((await jsonOf(response)).user.status).toBe('blocked');
    expect(await codeOf(await t.app.request('/api/me', { headers: analyst.auth }))).toEqual([
      401,
      'unauthorized',
    ]);
    expect(await auditOf('user.blocked')).toMatchObject([
      { subjectId: analyst.id, details: { previousStatus: 'active' } },
    ]);
    // Approving a blocked account lets it back in.
    expect((await jsonOf(post(`/api/admin/users/${analyst.id}/approve`))).user.status).toBe(
      'active',
    );
  });

  it('changes roles, audited with the old and new role', async () => {
    const analyst = await addAccount(t);
    const response = await post(`/api/admin/users/${analyst.id}/role`, { role: 'reviewer' });
    expect((await jsonOf(response)).user.role).toBe('reviewer');
    expect(await auditOf('user.role_changed')).toMatchObject([
      { subjectId: analyst.id, details: { from: 'analyst', to: 'reviewer' } },
    ]);
  });

  it('does not let an admin block or demote themself', async () => {
    expect(await codeOf(await post(`/api/admin/users/${admin.id}/block`))).toEqual([
      403,
      'forbidden',
    ]);
    expect(
      await codeOf(await post(`/api/admin/users/${admin.id}/role`, { role: 'analyst' })),
    ).toEqual([403, 'forbidden']);
    expect((await post(`/api/admin/users/${admin.id}/role`, { role: 'admin' })).status).toBe(200);
    const row = (await t.rows('users')).find((r) => r.id === admin.id);
    expect(row).toMatchObject({ role: 'admin', status: 'active' });
  });

  it('answers not_found for an unknown account and conflict for a closed one', async () => {
    const unknown = crypto.randomUUID();
    for (const action of ['approve', 'block']) {
      expect(await codeOf(await post(`/api/admin/users/${unknown}/${action}`))).toEqual([
        404,
        'not_found',
      ]);
    }
    expect(await codeOf(await post('/api/admin/users/42/approve'))).toEqual([404, 'not_found']);
    const closed = await addAccount(t, { status: 'closed' });
    expect(await codeOf(await post(`/api/admin/users/${closed.id}/approve`))).toEqual([
      409,
      'conflict',
    ]);
    expect(await codeOf(await post(`/api/admin/users/${closed.id}/block`))).toEqual([
      409,
      'conflict',
    ]);
    expect(
      await codeOf(await post(`/api/admin/users/${closed.id}/role`, { role: 'reviewer' })),
    ).toEqual([409, 'conflict']);
  });

  it('refuses an unknown role', async () => {
    const analyst = await addAccount(t);
    const response = await post(`/api/admin/users/${analyst.id}/role`, { role: 'root' });
    expect(await codeOf(response)).toEqual([400, 'validation_failed']);
  });

  it('keeps document rows when an account is blocked', async () => {
    const userId = await registerOne();
    await post(`/api/admin/users/${userId}/block`);
    expect((await t.rows('documents')).filter((r) => r.userId === userId)).toHaveLength(2);
  });
});

describe('consent to the current policy', () => {
  // An admin's changes are writes like any other: until they accept the current version (the
  // bootstrap admin starts without consent), each answers consent_required and changes nothing.
  type Target = { userId: string; documentId: string };
  const ROUTES: [string, (target: Target) => string, unknown][] = [
    ['POST /api/admin/users/:id/approve', (s) => `/api/admin/users/${s.userId}/approve`, undefined],
    ['POST /api/admin/users/:id/block', (s) => `/api/admin/users/${s.userId}/block`, undefined],
    [
      'POST /api/admin/users/:id/role',
      (s) => `/api/admin/users/${s.userId}/role`,
      { role: 'reviewer' },
    ],
    [
      'POST /api/admin/documents/:id/approve',
      (s) => `/api/admin/documents/${s.documentId}/approve`,
      undefined,
    ],
    [
      'POST /api/admin/documents/:id/reject',
      (s) => `/api/admin/documents/${s.documentId}/reject`,
      undefined,
    ],
  ];
  const accountOf = async (userId: string) => ({
    user: (await t.rows('users')).find((r) => r.id === userId),
    documents: (await t.rows('documents')).filter((r) => r.userId === userId),
  });
  const stateOf = async (userId: string) => ({
    ...(await accountOf(userId)),
    audit: await t.rows('auditEvents'),
  });
  const accept = (account: TestAccount) =>
    t.app.request('/api/consent', {
      method: 'POST',
      headers: { ...account.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        policyVersion: '1',
        scopes: { processing: true, thirdPartyTransfer: false },
      }),
    });

  it.each(ROUTES)(
    '%s answers consent_required to an admin without consent, and works once they accept',
    async (_name, path, body) => {
      const newcomer = await addAccount(t, { role: 'admin', consent: false });
      const userId = await registerOne();
      const [document] = (await accountOf(userId)).documents;
      const target = { userId, documentId: document!.id };
      const before = await stateOf(userId);

      const refused = await post(path(target), body, newcomer);
      expect(refused.status).toBe(403);
      expect((await jsonOf(refused)).error).toMatchObject({
        code: 'consent_required',
        details: { policyVersion: '1' },
      });
      expect(await stateOf(userId)).toEqual(before);

      expect((await accept(newcomer)).status).toBe(201);
      expect((await post(path(target), body, newcomer)).status).toBe(200);
      const { audit: _, ...unchanged } = before;
      expect(await accountOf(userId)).not.toEqual(unchanged);
    },
  );

  it('answers forbidden, not consent_required, to someone of another role without consent', async () => {
    const userId = await registerOne();
    for (const role of ['analyst', 'reviewer'] as const) {
      const caller = await addAccount(t, { role, consent: false });
      const response = await post(`/api/admin/users/${userId}/approve`, undefined, caller);
      expect(await codeOf(response)).toEqual([403, 'forbidden']);
    }
  });
});
