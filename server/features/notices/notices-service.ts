import { randomUUID } from 'node:crypto';
import {
  isOverdue,
  type NoticeCreate,
  type NoticeResponseInput,
  type NoticeStoredStatus,
  type NoticeSummary,
  type NoticesQuery,
  type NoticeView,
} from '#shared/schemas/notices';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { NoticeFile, NoticeListRow, NoticeUpdate } from '../../storage/notices-store';
import { recipientView } from './recipients-service';

type Actor = { userId: string; ip: string };
type Notices = Pick<Storage, 'notices'>;

const HOUR_MS = 3_600_000;

function summaryOf(row: NoticeListRow, now: Date): NoticeSummary {
  const { notice } = row;
  const overdue = isOverdue(notice, now);
  return {
    id: notice.id,
    recipient: row.recipient,
    legalGround: notice.legalGround,
    status: overdue ? 'overdue' : notice.status,
    overdue,
    materialCount: row.materialCount,
    createdAt: notice.createdAt,
    sentAt: notice.sentAt,
    deadlineAt: notice.deadlineAt,
  };
}

function viewOf(file: NoticeFile, now: Date): NoticeView {
  const { notice } = file;
  const summary = summaryOf(
    { notice, recipient: file.recipient, materialCount: file.materials.length },
    now,
  );
  return {
    ...summary,
    recipient: recipientView(file.recipient),
    explanation: notice.explanation,
    territorialScope: notice.territorialScope,
    materials: file.materials.map((m) => ({
      ...m,
      status: m.status as NoticeView['materials'][0]['status'],
    })),
    responses: file.responses.map((r) => ({
      id: r.id,
      receivedOn: r.receivedOn,
      text: r.text,
      resultingStatus: r.resultingStatus,
      at: r.at,
    })),
  };
}

/**
 * Records every notice found overdue for the first time (an audit event each), so that the
 * escalation is on record even if nobody opens the notice.
 */
async function escalate(storage: Notices, overdue: NoticeSummary[], now: Date): Promise<void> {
  await storage.notices.markOverdue(
    overdue.map((n) => ({
      id: n.id,
      audit: {
        action: 'notice.overdue',
        at: now,
        subjectType: 'notice',
        subjectId: n.id,
        details: { recipientId: n.recipient.id, deadlineAt: n.deadlineAt },
      },
    })),
    now.toISOString(),
  );
}

/**
 * Notices with their status at `now`: overdue ones first (escalated: the longest overdue first),
 * then the rest newest first. Filtered by status (`overdue` included) or by a material.
 */
export async function listNotices(
  storage: Notices,
  query: NoticesQuery,
  now: Date,
): Promise<NoticeSummary[]> {
  const rows = await storage.notices.list({ materialId: query.materialId });
  const all = rows.map((row) => summaryOf(row, now));
  const overdue = all
    .filter((n) => n.overdue)
    .sort((a, b) => (a.deadlineAt! < b.deadlineAt! ? -1 : 1));
  // Only the ones not yet on record: a list read takes no write lock once they all are.
  const unrecorded = new Set(
    rows.filter((r) => !r.notice.overdueRecordedAt).map((r) => r.notice.id),
  );
  await escalate(
    storage,
    overdue.filter((n) => unrecorded.has(n.id)),
    now,
  );
  const ordered = [...overdue, ...all.filter((n) => !n.overdue)];
  return query.status ? ordered.filter((n) => n.status === query.status) : ordered;
}

/** One notice with its materials and responses; `not_found` if there is none. */
export async function noticeById(storage: Notices, id: string, now: Date): Promise<NoticeView> {
  const file = await storage.notices.find(id);
  if (!file) throw new ApiError('not_found', 'No such notice.');
  const view = viewOf(file, now);
  if (view.overdue && !file.notice.overdueRecordedAt) await escalate(storage, [view], now);
  return view;
}

/** Drafts a notice of materials to one recipient; it has no deadline until it is sent. */
export async function createNotice(
  storage: Notices,
  input: NoticeCreate,
  actor: Actor,
  at: Date,
): Promise<NoticeView> {
  const id = randomUUID();
  const now = at.toISOString();
  const outcome = await storage.notices.create(
    {
      id,
      recipientId: input.recipientId,
      legalGround: input.legalGround,
      explanation: input.explanation,
      territorialScope: input.territorialScope,
      status: 'draft',
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
      deadlineAt: null,
      overdueRecordedAt: null,
    },
    input.materialIds,
    {
      action: 'notice.created',
      at,
      actorUserId: actor.userId,
      subjectType: 'notice',
      subjectId: id,
      ip: actor.ip,
      details: {
        recipientId: input.recipientId,
        legalGround: input.legalGround.code,
        materialIds: input.materialIds,
      },
    },
  );
  if (outcome.kind === 'unknown_recipient') {
    throw new ApiError('validation_failed', 'No such recipient.', { field: 'recipientId' });
  }
  if (outcome.kind === 'unknown_materials') {
    throw new ApiError('validation_failed', 'No such materials.', { materialIds: outcome.ids });
  }
  return noticeById(storage, id, at);
}

async function applyUpdate(storage: Notices, update: NoticeUpdate, at: Date): Promise<NoticeView> {
  const outcome = await storage.notices.update(update);
  if (outcome.kind === 'not_found') throw new ApiError('not_found', 'No such notice.');
  if (outcome.kind === 'not_allowed') {
    throw new ApiError('conflict', 'The notice is not in a status that allows this.', {
      status: outcome.from,
    });
  }
  return noticeById(storage, update.id, at);
}

/** Sends a draft: from now, the recipient has the hours its deadline rule gives. */
export async function sendNotice(
  storage: Notices,
  id: string,
  actor: Actor,
  at: Date,
): Promise<NoticeView> {
  const file = await storage.notices.find(id);
  if (!file) throw new ApiError('not_found', 'No such notice.');
  const deadlineAt = new Date(at.getTime() + file.recipient.deadlineHours * HOUR_MS).toISOString();
  return applyUpdate(
    storage,
    {
      id,
      from: ['draft'],
      set: { status: 'sent', sentAt: at.toISOString(), deadlineAt, updatedAt: at.toISOString() },
      audit: {
        action: 'notice.sent',
        at,
        actorUserId: actor.userId,
        subjectType: 'notice',
        subjectId: id,
        ip: actor.ip,
        details: { recipientId: file.recipient.id, deadlineAt },
      },
    },
    at,
  );
}

/** The statuses a response may be recorded on: any once the notice has been sent. */
const ANSWERABLE: readonly NoticeStoredStatus[] = [
  'sent',
  'acknowledged',
  'complied',
  'partly_complied',
  'refused',
];

/** Records the recipient's response and moves the notice to the status it results in. */
export async function recordResponse(
  storage: Notices,
  id: string,
  input: NoticeResponseInput,
  actor: Actor,
  at: Date,
): Promise<NoticeView> {
  return applyUpdate(
    storage,
    {
      id,
      from: ANSWERABLE,
      set: { status: input.resultingStatus, updatedAt: at.toISOString() },
      response: {
        id: randomUUID(),
        noticeId: id,
        receivedOn: input.receivedOn,
        text: input.text,
        resultingStatus: input.resultingStatus,
        byUserId: actor.userId,
        at: at.toISOString(),
      },
      audit: {
        action: 'notice.response_recorded',
        at,
        actorUserId: actor.userId,
        subjectType: 'notice',
        subjectId: id,
        ip: actor.ip,
        details: { resultingStatus: input.resultingStatus },
      },
    },
    at,
  );
}
