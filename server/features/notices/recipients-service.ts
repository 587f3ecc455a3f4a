import { randomUUID } from 'node:crypto';
import type { RecipientInput, RecipientView } from '#shared/schemas/notices';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { RecipientRecord } from '../../storage/notices-store';

type Actor = { userId: string; ip: string };

/** A recipient as the API answers it. */
export function recipientView(row: RecipientRecord): RecipientView {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    contact: row.contact,
    deadlineHours: row.deadlineHours,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Every recipient, by name. */
export async function listRecipients(storage: Pick<Storage, 'notices'>): Promise<RecipientView[]> {
  return (await storage.notices.recipients()).map(recipientView);
}

/** One recipient; `not_found` if there is none. */
export async function recipientById(
  storage: Pick<Storage, 'notices'>,
  id: string,
): Promise<RecipientView> {
  const row = await storage.notices.recipient(id);
  if (!row) throw new ApiError('not_found', 'No such recipient.');
  return recipientView(row);
}

/**
 * Creates a recipient, or (with `id`) replaces an existing one's fields; audited. A changed
 * deadline rule applies to notices sent from then on: a sent notice keeps its deadline.
 */
export async function saveRecipient(
  storage: Pick<Storage, 'notices'>,
  input: RecipientInput,
  actor: Actor,
  at: Date,
  id?: string,
): Promise<RecipientView> {
  const existing = id === undefined ? undefined : await storage.notices.recipient(id);
  if (id !== undefined && !existing) throw new ApiError('not_found', 'No such recipient.');
  const now = at.toISOString();
  const row: RecipientRecord = {
    id: existing?.id ?? randomUUID(),
    ...input,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await storage.notices.saveRecipient(row, {
    action: existing ? 'notice.recipient_updated' : 'notice.recipient_created',
    at,
    actorUserId: actor.userId,
    subjectType: 'recipient',
    subjectId: row.id,
    ip: actor.ip,
    details: { type: row.type, deadlineHours: row.deadlineHours },
  });
  return recipientView(row);
}
