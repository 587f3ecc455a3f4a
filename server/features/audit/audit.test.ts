import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { addAccount, jsonOf, type TestAccount } from '../accounts/testing';
import { assertNoPersonalValues } from './audit-service';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestAccount;
beforeEach(async () => {
  t = await createTestApp();
  admin = await addAccount(t, { role: 'admin' });
});
afterEach(() => t.dispose());

const page = async (query = '') => {
  const response = await t.app.request(`/api/admin/audit${query}`, { headers: admin.auth });
  return { status: response.status, body: await jsonOf(response) };
};

describe('the audit log', () => {
  it('pages newest first with a cursor, optionally one action', async () => {
    for (let i = 0; i < 5; i++) {
      await t.storage.audit.record({
        action: i % 2 ? 'user.blocked' : 'user.approved',
        at: t.deps.now(),
        actorUserId: admin.id,
        subjectType: 'user',
        subjectId: `u${i}`,
      });
    }
    const first = await page('?limit=2');
    expect(first.body.events.map((e: { subjectId: string }) => e.subjectId)).toEqual(['u4', 'u3']);
    expect(first.body.hasMore).toBe(true);
    const rest = await page(`?limit=10&cursor=${first.body.cursor}`);
    expect(rest.body.events.map((e: { subjectId: string }) => e.subjectId)).toEqual([
      'u2',
      'u1',
      'u0',
    ]);
    expect(rest.body.hasMore).toBe(false);

    const blocked = await page('?action=user.blocked');
    expect(blocked.body.events.map((e: { subjectId: string }) => e.subjectId)).toEqual([
      'u3',
      'u1',
    ]);
  });

  it('refuses a malformed cursor, action or limit', async () => {
    for (const query of ['?cursor=abc', '?cursor=-1', '?action=DROP%20TABLE', '?limit=100000']) {
      const { status, body } = await page(query);
      expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    }
  });

  it('has no way to change or remove an event', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await t.app.request('/api/admin/audit', { method, headers: admin.auth });
      expect(response.status).toBe(404);
    }
  });
});

describe('recordAudit', () => {
  it.each([
    ['an e-mail key', { email: 'x' }],
    ['a name key', { fullName: 'x' }],
    ['a note key', { note: 'x' }],
    ['a password key', { password: 'x' }],
    ['an e-mail value under a harmless key', { reason: 'someone@mail.kz' }],
    ['a long free text', { reason: 'x'.repeat(201) }],
  ])('refuses details with %s', async (_, details) => {
    expect(() => assertNoPersonalValues(details)).toThrow();
    await expect(
      t.storage.audit.record({ action: 'test.event', at: t.deps.now(), details }),
    ).rejects.toThrow();
  });

  it('takes ids, codes, counts, flags and lists of codes', () => {
    const details = {
      reason: 'invalid_credentials',
      documents: 3,
      thirdPartyTransfer: false,
      kinds: ['iin'],
    };
    expect(() => assertNoPersonalValues(details)).not.toThrow();
  });
});
