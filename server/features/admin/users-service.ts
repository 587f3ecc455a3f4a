import type { AccountStatus, Role } from '#shared/schemas/account';
import type { AdminUser } from '#shared/schemas/admin';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { AccountChange, AccountFacts, UserRow } from '../../storage/accounts-store';
import type { AuditDetails } from '../../storage/audit-store';
import type { DocumentRow } from '../../storage/documents-store';
import { documentMetadata, documentsOfUsers } from '../accounts/documents-service';
import { accountProfile } from '../accounts/profile';

/** Who does what to which account, and when: every admin action on an account takes one. */
export type AccountAction = { userId: string; adminId: string; at: Date; ip: string };

type AdminStorage = Pick<Storage, 'accounts' | 'documents'>;

/** A page of accounts, oldest first (the queue of registrations), with their documents' metadata. */
export async function listUsers(
  storage: AdminStorage,
  query: { status?: AccountStatus; cursor?: string; limit: number },
): Promise<{ users: AdminUser[]; cursor: string | null; hasMore: boolean }> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await storage.accounts.list({ status: query.status, after }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const docs = await documentsOfUsers(
    storage,
    page.map((u) => u.id),
  );
  const last = page.at(-1);
  return {
    users: page.map((u) => adminUser(u, docs.get(u.id) ?? [])),
    cursor: last ? encodeCursor(last) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}

/**
 * Activates an account (a pending registration, or a blocked account let back in). Approving a
 * registration accepts the authorization documents that came with it.
 */
export async function approveUser(
  storage: AdminStorage,
  action: AccountAction,
): Promise<AdminUser> {
  return changeAccount(storage, action, ({ user, documents }) => {
    if (user.status === 'active') return { audit: [] };
    const accepted = documents
      .filter((d) => d.kind === 'authorization' && d.status === 'pending')
      .map((d) => d.id);
    return {
      ...statusChange(user, 'active', action, { documentsApproved: accepted.length }),
      approveDocuments: { ids: accepted, at: action.at.toISOString(), by: action.adminId },
    };
  });
}

/** Blocks an account and revokes its tokens; an admin cannot block themself. */
export async function blockUser(storage: AdminStorage, action: AccountAction): Promise<AdminUser> {
  if (action.userId === action.adminId) {
    throw new ApiError('forbidden', 'You cannot block your own account.');
  }
  return changeAccount(storage, action, ({ user }) => ({
    ...(user.status !== 'blocked' ? statusChange(user, 'blocked', action) : { audit: [] }),
    revokeTokensAt: action.at.toISOString(),
  }));
}

/** Gives an account another role; an admin cannot demote themself (so an admin always remains). */
export async function setRole(
  storage: AdminStorage,
  action: AccountAction & { role: Role },
): Promise<AdminUser> {
  if (action.userId === action.adminId && action.role !== 'admin') {
    throw new ApiError('forbidden', 'You cannot take the admin role from yourself.');
  }
  return changeAccount(storage, action, ({ user }) => {
    if (user.role === action.role) return { audit: [] };
    return {
      set: { role: action.role, updatedAt: action.at.toISOString() },
      audit: [
        {
          action: 'user.role_changed',
          at: action.at,
          actorUserId: action.adminId,
          subjectType: 'user',
          subjectId: user.id,
          ip: action.ip,
          details: { from: user.role, to: action.role },
        },
      ],
    };
  });
}

/** Changes an account that exists and is not closed (not_found, conflict otherwise). */
async function changeAccount(
  storage: AdminStorage,
  action: AccountAction,
  change: (facts: AccountFacts) => AccountChange,
): Promise<AdminUser> {
  const changed = await storage.accounts.change(action.userId, (facts) => {
    if (!facts) throw new ApiError('not_found', 'No such account.');
    if (facts.user.status === 'closed') throw new ApiError('conflict', 'The account is closed.');
    return change(facts);
  });
  return adminUser(changed.user, changed.documents);
}

function statusChange(
  user: UserRow,
  status: 'active' | 'blocked',
  action: AccountAction,
  details: AuditDetails = {},
): AccountChange {
  return {
    set: { status, updatedAt: action.at.toISOString() },
    audit: [
      {
        action: status === 'active' ? 'user.approved' : 'user.blocked',
        at: action.at,
        actorUserId: action.adminId,
        subjectType: 'user',
        subjectId: user.id,
        ip: action.ip,
        details: { previousStatus: user.status, ...details },
      },
    ],
  };
}

function adminUser(user: UserRow, docs: DocumentRow[]): AdminUser {
  return { ...accountProfile(user), documents: docs.map(documentMetadata) };
}

function encodeCursor(user: UserRow): string {
  return Buffer.from(JSON.stringify([user.createdAt, user.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // answered below
  }
  throw new ApiError('validation_failed', 'The cursor is not valid.');
}
