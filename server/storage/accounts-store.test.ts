import { beforeEach, describe, expect, it } from 'vitest';
import { registrationFormSchema } from '#shared/schemas/documents';
import { documentFiles } from '../features/accounts/document-files';
import { registerAccount } from '../features/accounts/registration-service';
import { registrationForm } from '../features/accounts/testing';
import { approveUser } from '../features/admin/users-service';
import { ensureBootstrapAdmin } from '../features/auth/bootstrap-admin';
import { ensureInitialPolicy } from '../features/consent/policy-store';
import { closeAccount } from '../features/subject/account-closure';
import type { NewUser } from '../storage/accounts-store';
import {
  freshStorageEach,
  STORAGE_ENGINES,
  type TestUser,
  testUser,
} from '../testing/storage-engines';
import type { Storage } from '.';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const ORIGIN = { ip: '203.0.113.1', userAgent: 'test' };

/** A test account as the accounts' services write one. */
const newUser = (user: TestUser): NewUser => ({
  ...user,
  phone: user.phone ?? null,
  role: user.role ?? 'analyst',
  status: user.status ?? 'active',
});

describe.each(STORAGE_ENGINES)('accounts on $engine', ({ open }) => {
  const t = freshStorageEach(open);
  beforeEach(() => ensureInitialPolicy(t.storage, NOW));

  const register = (storage: Storage, email: string) =>
    registerAccount(storage, documentFiles(storage.dataDir), {
      // The form as the site sends it, without files: registration alone needs none.
      form: registrationFormSchema.parse(Object.fromEntries(registrationForm('1', { email }, []))),
      documents: [],
      origin: ORIGIN,
      at: NOW,
    });

  it('finds accounts by e-mail and id, lists them by status oldest first, page by page', async () => {
    const [a, b, c] = [
      testUser({ createdAt: '2026-11-01T00:00:00.000Z', status: 'pending' }),
      testUser({ createdAt: '2026-11-02T00:00:00.000Z' }),
      testUser({ createdAt: '2026-11-02T00:00:00.000Z', status: 'pending' }),
    ];
    await t.addUsers(c, a, b);
    const { accounts } = t.storage;
    expect(await accounts.findByEmail(b.email)).toMatchObject({ id: b.id, closedAt: null });
    expect(await accounts.findByEmail('nobody@agency.kz')).toBeUndefined();
    expect((await accounts.findById(a.id!))?.email).toBe(a.email);
    const found = await accounts.findByIds([a.id!, a.id!, 'none']);
    expect(found.map((u) => u.id)).toEqual([a.id]);
    expect(await accounts.findByIds([])).toEqual([]);
    const directory = await accounts.directory();
    expect(directory).toHaveLength(3);
    expect(directory).toContainEqual({ id: c.id, fullName: c.fullName, email: c.email });
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const byTime = [a, b, c].sort((x, y) =>
      `${x.createdAt}${x.id}` < `${y.createdAt}${y.id}` ? -1 : 1,
    );
    const first = await accounts.list({}, 2);
    expect(ids(first)).toEqual(ids(byTime.slice(0, 2) as { id: string }[]));
    const last = first.at(-1)!;
    const rest = await accounts.list({ after: { createdAt: last.createdAt, id: last.id } }, 2);
    expect(ids(rest)).toEqual(ids(byTime.slice(2) as { id: string }[]));
    expect(ids(await accounts.list({ status: 'pending' }, 10))).toEqual(
      ids(byTime.filter((u) => u.status === 'pending') as { id: string }[]),
    );
  });

  it('creates the first admin once, however many replicas start together', async () => {
    const second = await t.openReplica();
    expect(await t.storage.accounts.adminExists()).toBe(false);
    const outcomes = await Promise.all(
      [t.storage, second, t.storage, second].map((storage, i) =>
        storage.accounts.createFirstAdmin(
          newUser(testUser({ role: 'admin', email: `admin${i}@a.kz` })),
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['created', 'exists', 'exists', 'exists']);
    expect(await t.storage.accounts.adminExists()).toBe(true);
    expect(await t.storage.accounts.list({}, 10)).toHaveLength(1);
    const bootstrap = { email: 'root@a.kz', password: 'admin password' };
    expect(await ensureBootstrapAdmin(second, bootstrap, NOW)).toBe('exists');
  });

  it('registers an account with its consent and audit, and refuses a taken e-mail', async () => {
    const { userId } = await register(t.storage, 'new@gov.kz');
    expect(await t.storage.accounts.findById(userId)).toMatchObject({ status: 'pending' });
    expect((await t.storage.consent.standing(userId)).latest).toMatchObject({ action: 'given' });
    const again = register(t.storage, 'new@gov.kz');
    await expect(again).rejects.toMatchObject({ code: 'email_taken' });
    expect(await t.storage.audit.list({ action: 'account.registered' }, 10)).toHaveLength(1);
  });

  it('keeps one account of registrations of one e-mail at once, on two processes', async () => {
    const second = await t.openReplica();
    // The stores alone, without the password hashing that would space the two out.
    const entryOf = (user: TestUser) => (facts: { emailTaken: boolean }) => {
      if (facts.emailTaken) throw new Error('taken');
      return {
        user: newUser(user),
        documents: [],
        consent: {
          userId: user.id!,
          action: 'given' as const,
          policyVersion: '1',
          processing: true,
          thirdPartyTransfer: false,
          at: NOW.toISOString(),
          method: 'registration',
          ip: null,
          userAgent: null,
        },
        audit: [{ action: 'account.registered', at: NOW, actorUserId: user.id }],
      };
    };
    const outcomes = await Promise.allSettled(
      [t.storage, second, t.storage, second].map((storage) => {
        const user = testUser({ email: 'twice@gov.kz', status: 'pending' });
        return storage.accounts.register(user.email, entryOf(user));
      }),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toEqual(new Error('taken'));
    }
    expect(await t.storage.accounts.list({}, 10)).toHaveLength(1);
    expect(await t.storage.audit.list({ action: 'account.registered' }, 10)).toHaveLength(1);
  });

  it('applies a change whole, on the account as it is, and nothing of a change that throws', async () => {
    const admin = testUser({ role: 'admin' });
    await t.addUsers(admin);
    const { userId } = await register(t.storage, 'pending@gov.kz');
    const approved = await approveUser(t.storage, {
      userId,
      adminId: admin.id!,
      at: NOW,
      ip: ORIGIN.ip,
    });
    expect(approved.status).toBe('active');
    const refused = t.storage.accounts.change(userId, (facts) => {
      expect(facts?.otherActiveAdmins).toBe(1);
      expect(facts?.latestConsent?.action).toBe('given');
      expect(facts?.currentPolicyVersion).toBe('1');
      throw new Error('refused');
    });
    await expect(refused).rejects.toThrow('refused');
    await closeAccount(t.storage, { userId, at: NOW, origin: ORIGIN, retentionDays: 30 });
    expect(await t.storage.accounts.findById(userId)).toMatchObject({
      status: 'closed',
      closedAt: NOW.toISOString(),
    });
    expect((await t.storage.consent.standing(userId)).latest?.action).toBe('withdrawn');
    const none = t.storage.accounts.change('none', (facts) => {
      expect(facts).toBeUndefined();
      return { audit: [] };
    });
    await expect(none).rejects.toThrow();
  });

  it('lets only one of the last two admins leave when both close their accounts at once', async () => {
    const [first, other] = [testUser({ role: 'admin' }), testUser({ role: 'admin' })];
    await t.addUsers(first, other);
    const second = await t.openReplica();
    const close = (storage: Storage, userId: string) =>
      closeAccount(storage, { userId, at: NOW, origin: ORIGIN, retentionDays: 30 });
    const outcomes = await Promise.allSettled([
      close(t.storage, first.id!),
      close(second, other.id!),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const active = await t.storage.accounts.list({ status: 'active' }, 10);
    expect(active.map((u) => u.role)).toEqual(['admin']);
  });
});
