import { describe, expect, it } from 'vitest';
import type { NewDocument } from '../storage/documents-store';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');

let documentCount = 0;
function documentOf(userId: string, createdAt = NOW.toISOString()): NewDocument {
  documentCount += 1;
  return {
    id: `doc-${documentCount}-${userId.slice(0, 8)}`,
    userId,
    kind: 'authorization',
    status: 'pending',
    mime: 'application/pdf',
    bytes: 1000 + documentCount,
    sha256: 'a'.repeat(64),
    originalName: `letter ${documentCount}.pdf`,
    createdAt,
  };
}

describe.each(STORAGE_ENGINES)('documents on $engine', ({ open }) => {
  const owner = testUser({ status: 'pending' });
  const other = testUser();
  const admin = testUser({ role: 'admin' });
  const t = freshStorageEach(open, owner, other, admin);

  const audited = async (action: string) =>
    (await t.storage.audit.list({ action }, 10)).map((e) => e.subjectId);

  it('adds documents with their audit event, finds them, and lists a user’s oldest first', async () => {
    const later = documentOf(owner.id!, '2026-11-25T00:00:00.000Z');
    const earlier = documentOf(owner.id!);
    const theirs = documentOf(other.id!);
    const added = await t.storage.documents.add([later, earlier], {
      action: 'document.uploaded',
      at: NOW,
      subjectType: 'user',
      subjectId: owner.id!,
    });
    await t.storage.documents.add([theirs], { action: 'document.uploaded', at: NOW });
    expect(added).toEqual([
      { ...later, decidedAt: null, decidedBy: null },
      { ...earlier, decidedAt: null, decidedBy: null },
    ]);
    expect(await t.storage.documents.find(earlier.id)).toEqual(added[1]);
    expect(await t.storage.documents.find('none')).toBeUndefined();
    const ofOwner = await t.storage.documents.ofUsers([owner.id!]);
    expect(ofOwner.map((d) => d.id)).toEqual([earlier.id, later.id]);
    expect(await t.storage.documents.ofUsers([owner.id!, other.id!])).toHaveLength(3);
    expect(await t.storage.documents.ofUsers([])).toEqual([]);
    expect(await audited('document.uploaded')).toEqual([undefined, owner.id].map((v) => v ?? null));
  });

  it('decides on a document as it is now, and changes nothing when the decision throws', async () => {
    const doc = documentOf(owner.id!);
    await t.storage.documents.add([doc], { action: 'document.uploaded', at: NOW });
    const decided = await t.storage.documents.decide(doc.id, (row) => {
      expect(row?.status).toBe('pending');
      return {
        set: { status: 'approved', decidedAt: NOW.toISOString(), decidedBy: admin.id! },
        audit: { action: 'document.approved', at: NOW, subjectType: 'document', subjectId: doc.id },
      };
    });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: admin.id });
    const refused = t.storage.documents.decide(doc.id, () => {
      throw new Error('already decided');
    });
    await expect(refused).rejects.toThrow('already decided');
    expect(await t.storage.documents.find(doc.id)).toEqual(decided);
    expect(await t.storage.documents.decide(doc.id, () => ({}))).toEqual(decided);
    expect(await t.storage.documents.decide('none', () => ({}))).toBeUndefined();
    expect(await audited('document.approved')).toEqual([doc.id]);
  });

  it('lets one of two decisions made at once decide on a pending document', async () => {
    const doc = documentOf(owner.id!);
    await t.storage.documents.add([doc], { action: 'document.uploaded', at: NOW });
    const second = await t.openReplica();
    const decideOnce = (by: string) => (row: { status: string } | undefined) => {
      if (row?.status !== 'pending') return {};
      return {
        set: { status: 'rejected' as const, decidedAt: NOW.toISOString(), decidedBy: by },
        audit: {
          action: 'document.rejected',
          at: NOW,
          subjectType: 'document',
          subjectId: doc.id,
        },
      };
    };
    await Promise.all([
      t.storage.documents.decide(doc.id, decideOnce(admin.id!)),
      second.documents.decide(doc.id, decideOnce(other.id!)),
    ]);
    expect(await audited('document.rejected')).toEqual([doc.id]);
  });
});
