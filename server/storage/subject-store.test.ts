import { beforeEach, describe, expect, it } from 'vitest';
import { ensureInitialPolicy } from '../features/consent/policy-store';
import { recordDisclosure } from '../features/disclosures/disclosure-service';
import { closeAccount } from '../features/subject/account-closure';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const ORIGIN = { ip: '203.0.113.1', userAgent: 'test' };

describe.each(STORAGE_ENGINES)('a data subject’s records on $engine', ({ open }) => {
  const person = testUser();
  const other = testUser();
  const admin = testUser({ role: 'admin' });
  const t = freshStorageEach(open, person, other, admin);
  beforeEach(() => ensureInitialPolicy(t.storage, NOW));

  it('collects everything about the person and nothing about others, oldest first', async () => {
    const doc = {
      id: 'doc-of-person',
      userId: person.id!,
      kind: 'representation' as const,
      status: 'pending' as const,
      mime: 'application/pdf' as const,
      bytes: 10,
      sha256: 'b'.repeat(64),
      originalName: 'poa.pdf',
      createdAt: NOW.toISOString(),
    };
    await t.storage.documents.add([doc], { action: 'document.uploaded', at: NOW });
    await t.storage.audit.record({
      action: 'document.approved',
      at: NOW,
      actorUserId: admin.id,
      subjectType: 'document',
      subjectId: doc.id,
    });
    await t.storage.audit.record({
      action: 'auth.login_succeeded',
      at: NOW,
      actorUserId: other.id,
    });
    await t.storage.sessions.issue(
      {
        id: 'token-of-person',
        userId: person.id!,
        tokenHash: 'c'.repeat(64),
        deviceName: 'Firefox',
        createdAt: NOW.toISOString(),
        expiresAt: '2026-12-24T10:00:00.000Z',
      },
      { action: 'auth.token_issued', at: NOW, actorUserId: person.id },
    );
    const report = sampleReport();
    await pushMutations(t.storage, person.id!, [upsertOf(report)], NOW);
    await pushMutations(t.storage, other.id!, [upsertOf(sampleReport())], NOW);
    await recordDisclosure(
      t.storage,
      {
        recipient: 'Департамент полиции',
        recipientType: 'state_body',
        basis: 'Запрос',
        requestNumber: '1',
        requestDate: '2026-11-20',
        includeReporterIdentity: false,
        scope: { userIds: [person.id!] },
      },
      { adminId: admin.id!, at: NOW, ip: ORIGIN.ip },
    );
    await closeAccount(t.storage, {
      userId: person.id!,
      at: NOW,
      origin: ORIGIN,
      retentionDays: 30,
    });

    const records = await t.storage.subject.collect(person.id!);
    expect(records?.user).toMatchObject({ id: person.id, status: 'closed' });
    expect(records?.consents.map((c) => c.action)).toEqual(['withdrawn']);
    expect(records?.documents.map((d) => d.id)).toEqual([doc.id]);
    expect(records?.sessions).toEqual([
      {
        deviceName: 'Firefox',
        createdAt: NOW.toISOString(),
        expiresAt: '2026-12-24T10:00:00.000Z',
        revokedAt: NOW.toISOString(),
        lastUsedAt: null,
      },
    ]);
    expect(records?.reports).toEqual([
      expect.objectContaining({ id: report.id, status: 'submitted', deletedAt: null }),
    ]);
    expect(records?.auditEvents.map((e) => e.action)).toEqual([
      'document.approved',
      'auth.token_issued',
      'account.closed',
    ]);
    expect(records?.disclosures).toEqual([
      expect.objectContaining({ recipient: 'Департамент полиции', identified: false, reports: 1 }),
    ]);
    expect(await t.storage.subject.collect('nobody')).toBeUndefined();
  });

  it('lists the newest erasure requests first, as many as asked', async () => {
    const later = new Date(NOW.getTime() + 60_000);
    await closeAccount(t.storage, {
      userId: person.id!,
      at: NOW,
      origin: ORIGIN,
      retentionDays: 1,
    });
    await closeAccount(t.storage, {
      userId: other.id!,
      at: later,
      origin: ORIGIN,
      retentionDays: 1,
    });
    expect(await t.storage.subject.erasureRequests(10)).toEqual([
      { userId: other.id, requestedAt: later.toISOString(), destroyedAt: null },
      { userId: person.id, requestedAt: NOW.toISOString(), destroyedAt: null },
    ]);
    expect(await t.storage.subject.erasureRequests(1)).toHaveLength(1);
  });
});
