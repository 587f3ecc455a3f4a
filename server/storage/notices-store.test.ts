import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';
import type { NoticeRecord, NoticeUpdate, RecipientRecord } from './notices-store';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const SHA = 'c'.repeat(64);

describe.each(STORAGE_ENGINES)('recipients and notices on $engine', ({ open }) => {
  const analyst = testUser();
  const reviewer = testUser({ role: 'reviewer' });
  const t = freshStorageEach(open, analyst, reviewer);

  const recipient = (over: Partial<RecipientRecord> = {}): RecipientRecord => ({
    id: randomUUID(),
    name: 'Платформа',
    type: 'platform',
    contact: 'abuse@platform.example',
    deadlineHours: 24,
    createdAt: at(0),
    updatedAt: at(0),
    ...over,
  });
  const notice = (recipientId: string, minute: number): NoticeRecord => ({
    id: randomUUID(),
    recipientId,
    legalGround: { code: 'communications_41_1_p1' },
    explanation: 'Реклама онлайн-казино.',
    territorialScope: 'KZ',
    status: 'draft',
    createdBy: reviewer.id!,
    createdAt: at(minute),
    updatedAt: at(minute),
    sentAt: null,
    deadlineAt: null,
    overdueRecordedAt: null,
  });
  const audit = (action: string) => ({ action, at: NOW, actorUserId: reviewer.id! });

  async function material(withFile: boolean): Promise<string> {
    const report = sampleReport(
      withFile ? { evidence: { sha256: SHA, mime: 'image/png', bytes: 10 } } : {},
    );
    await pushMutations(t.storage, analyst.id!, [upsertOf(report)], NOW);
    return (await t.storage.evidence.materialsOfReports([report.id]))[0]!;
  }

  it('keeps recipients by name and saves a changed one in place', async () => {
    const platform = recipient({ name: 'Б-платформа' });
    await t.storage.notices.saveRecipient(platform, audit('recipient.created'));
    await t.storage.notices.saveRecipient(recipient({ name: 'А-хостинг' }), audit('x.created'));
    await t.storage.notices.saveRecipient(
      { ...platform, deadlineHours: 48, createdAt: at(5), updatedAt: at(5) },
      audit('recipient.updated'),
    );
    const all = await t.storage.notices.recipients();
    expect(all.map((r) => r.name)).toEqual(['А-хостинг', 'Б-платформа']);
    expect(await t.storage.notices.recipient(platform.id)).toMatchObject({
      deadlineHours: 48,
      createdAt: at(0),
      updatedAt: at(5),
    });
    expect(await t.storage.audit.list({ action: 'recipient.updated' }, 5)).toHaveLength(1);
  });

  it('records a notice with its materials in order, refusing unknown ones', async () => {
    const to = recipient();
    await t.storage.notices.saveRecipient(to, audit('recipient.created'));
    const [plain, withFile] = [await material(false), await material(true)];
    const draft = notice(to.id, 1);
    const created = (ids: string[], n = draft, r = to.id) =>
      t.storage.notices.create({ ...n, recipientId: r }, ids, audit('notice.created'));
    expect(await created([withFile], draft, 'nobody')).toEqual({ kind: 'unknown_recipient' });
    expect(await created([withFile, 'gone'])).toEqual({ kind: 'unknown_materials', ids: ['gone'] });
    expect(await created([withFile, plain])).toEqual({ kind: 'created' });
    const older = notice(to.id, 0);
    await created([plain], older);

    const file = await t.storage.notices.find(draft.id);
    expect(file?.recipient.id).toBe(to.id);
    expect(file?.materials.map((m) => [m.id, m.evidenceSha256])).toEqual([
      [withFile, [SHA]],
      [plain, []],
    ]);
    expect(await t.storage.notices.find('none')).toBeUndefined();
    const listed = await t.storage.notices.list({});
    expect(listed.map((row) => [row.notice.id, row.materialCount])).toEqual([
      [draft.id, 2],
      [older.id, 1],
    ]);
    expect(listed[0]?.recipient).toEqual({ id: to.id, name: to.name, type: to.type });
    const listing = await t.storage.notices.list({ materialId: withFile });
    expect(listing.map((row) => row.notice.id)).toEqual([draft.id]);
    expect(await t.storage.audit.list({ action: 'notice.created' }, 10)).toHaveLength(2);
  });

  it('moves a notice from allowed statuses only, once when two processes try at once', async () => {
    const replica = await t.openReplica();
    const to = recipient();
    await t.storage.notices.saveRecipient(to, audit('recipient.created'));
    const sent = notice(to.id, 1);
    await t.storage.notices.create(sent, [await material(false)], audit('notice.created'));
    const send: NoticeUpdate = {
      id: sent.id,
      from: ['draft'],
      set: { status: 'sent', sentAt: at(2), deadlineAt: at(60), updatedAt: at(2) },
      audit: audit('notice.sent'),
    };
    const outcomes = await Promise.all([
      t.storage.notices.update(send),
      replica.notices.update(send),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['not_allowed', 'updated']);
    expect(await t.storage.notices.update({ ...send, id: 'none' })).toEqual({ kind: 'not_found' });
    await replica.notices.update({
      id: sent.id,
      from: ['sent'],
      set: { status: 'complied', updatedAt: at(3) },
      response: {
        id: randomUUID(),
        noticeId: sent.id,
        receivedOn: '2026-11-24',
        text: 'Удалено.',
        resultingStatus: 'complied',
        byUserId: reviewer.id!,
        at: at(3),
      },
      audit: audit('notice.response'),
    });
    const file = await t.storage.notices.find(sent.id);
    expect(file?.notice).toMatchObject({ status: 'complied', sentAt: at(2), deadlineAt: at(60) });
    expect(file?.responses.map((r) => r.text)).toEqual(['Удалено.']);
    expect(await t.storage.audit.list({ action: 'notice.sent' }, 10)).toHaveLength(1);

    // Found overdue by both processes at once: marked and audited once.
    const found = [{ id: sent.id, audit: audit('notice.overdue') }];
    await Promise.all([
      t.storage.notices.markOverdue(found, at(61)),
      replica.notices.markOverdue(found, at(62)),
    ]);
    expect(await t.storage.audit.list({ action: 'notice.overdue' }, 10)).toHaveLength(1);
    expect((await t.storage.notices.find(sent.id))?.notice.overdueRecordedAt).toMatch(/T11:0[12]/);
  });
});
