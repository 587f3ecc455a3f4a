import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureInitialPolicy } from '../features/consent/policy-store';
import { runRetention } from '../features/retention/retention-service';
import { closeAccount } from '../features/subject/account-closure';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const DAY_MS = 86_400_000;
const CLOSED = new Date('2026-11-01T10:00:00.000Z');
const NOW = new Date('2026-11-24T10:00:00.000Z');
const ORIGIN = { ip: '203.0.113.1', userAgent: 'test' };

describe.each(STORAGE_ENGINES)('retention on $engine', ({ open }) => {
  const person = testUser();
  const staying = testUser();
  const admin = testUser({ role: 'admin' });
  const waiting = testUser({ status: 'pending', createdAt: '2026-10-01T00:00:00.000Z' });
  const recent = testUser({ status: 'pending', createdAt: NOW.toISOString() });
  const t = freshStorageEach(open, person, staying, admin, waiting, recent);
  beforeEach(() => ensureInitialPolicy(t.storage, CLOSED));

  /** The person's approved power of attorney and two reports, one given on it; then they leave. */
  async function personLeaves() {
    const poa = {
      id: randomUUID(),
      userId: person.id!,
      kind: 'representation' as const,
      status: 'approved' as const,
      mime: 'application/pdf' as const,
      bytes: 10,
      sha256: 'd'.repeat(64),
      originalName: 'доверенность Иванова.pdf',
      createdAt: CLOSED.toISOString(),
    };
    await t.storage.documents.add([poa], { action: 'document.uploaded', at: CLOSED });
    const plain = sampleReport();
    const represented = sampleReport({
      note: 'По доверенности клиента, его почта klient@mail.kz',
      geography: { indicated: true, country: 'KZ', region: 'KZ-75', locality: 'Алмалы' },
      personalDataBasis: { kind: 'representation', documentId: poa.id },
    });
    const pushed = await pushMutations(
      t.storage,
      person.id!,
      [upsertOf(plain), upsertOf(represented)],
      CLOSED,
    );
    expect(pushed.map((r) => r.status)).toEqual(['applied', 'applied']);
    await t.storage.audit.record({
      action: 'auth.login_succeeded',
      at: CLOSED,
      actorUserId: person.id,
      ip: ORIGIN.ip,
    });
    await closeAccount(t.storage, {
      userId: person.id!,
      at: CLOSED,
      origin: ORIGIN,
      retentionDays: 7,
    });
    return { poa, plain, represented };
  }

  it('finds closed accounts past the period, pending ones past theirs, and their documents', async () => {
    const { poa } = await personLeaves();
    const { retention } = t.storage;
    const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS).toISOString();
    expect(await retention.dueClosed(daysAgo(7), 10)).toEqual([person.id]);
    expect(await retention.dueClosed(daysAgo(30), 10)).toEqual([]);
    expect(await retention.duePending(daysAgo(30), 10)).toEqual([waiting.id]);
    expect(await retention.duePending(daysAgo(30), 0)).toEqual([]);
    expect(await retention.documentIdsOf([person.id!, staying.id!])).toEqual([poa.id]);
    expect(await retention.documentIdsOf([])).toEqual([]);
  });

  it('destroys the personal data of those due, counts it, and finds them no more', async () => {
    const { plain, represented } = await personLeaves();
    const act = await runRetention(t.storage, { now: NOW, retentionDays: 7, pendingDays: 30 });
    expect(act).toMatchObject({
      userIds: [person.id],
      documents: 1,
      consentRecords: 1,
      sessions: 0,
      reportsRedacted: 1,
      registrationsExpired: [waiting.id],
    });
    expect(act.auditEvents).toBeGreaterThanOrEqual(2);
    const records = await t.storage.subject.collect(person.id!);
    expect(records?.user).toMatchObject({ fullName: '', passwordHash: '', phone: null });
    expect(records?.user.email).not.toBe(person.email);
    expect(records?.documents.map((d) => d.originalName)).toEqual(['']);
    expect(records?.consents.every((c) => c.ip === null && c.userAgent === null)).toBe(true);
    expect(records?.auditEvents.filter((e) => e.ip !== null)).toEqual([]);
    const reports = new Map(records?.reports.map((r) => [r.id, r]));
    expect(reports.get(represented.id)).toMatchObject({
      note: '',
      geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
    });
    expect(reports.get(plain.id)?.note).toBe(plain.note);
    expect((await t.storage.accounts.findById(waiting.id!))?.status).toBe('closed');
    expect((await t.storage.accounts.findById(recent.id!))?.status).toBe('pending');
    expect(await t.storage.subject.erasureRequests(10)).toContainEqual({
      userId: person.id,
      requestedAt: CLOSED.toISOString(),
      destroyedAt: NOW.toISOString(),
    });
    const destroyed = await t.storage.audit.list(
      { action: 'retention.personal_data_destroyed' },
      5,
    );
    expect(destroyed).toHaveLength(1);
    expect(await t.storage.retention.dueClosed(NOW.toISOString(), 10)).not.toContain(person.id);
    const again = await runRetention(t.storage, { now: NOW, retentionDays: 7, pendingDays: 30 });
    expect(again.userIds).toEqual([]);
  });
});
