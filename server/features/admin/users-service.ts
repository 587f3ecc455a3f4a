import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { AccountStatus, Role } from '#shared/schemas/account';
import type { AdminUser } from '#shared/schemas/admin';
import type { Db } from '../../db/open';
import { documents, type UserRow, users } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { revokeTokensOf } from '../../storage/sqlite/sessions-store';
import { documentMetadata, documentsOfUsers } from '../accounts/documents-service';
import { type AuditDetails, recordAudit } from '../audit/audit-service';

/** Who does what to which account, and when: every admin action on an account takes one. */
export type AccountAction = { userId: string; adminId: string; at: Date; ip: string };

/** A page of accounts, oldest first (the queue of registrations), with their documents' metadata. */
export function listUsers(
  db: Db,
  query: { status?: AccountStatus; cursor?: string; limit: number },
): { users: AdminUser[]; cursor: string | null; hasMore: boolean } {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = db
    .select()
    .from(users)
    .where(
      and(
        query.status ? eq(users.status, query.status) : undefined,
        after
          ? or(
              gt(users.createdAt, after.createdAt),
              and(eq(users.createdAt, after.createdAt), gt(users.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  const docs = documentsOfUsers(
    db,
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
export function approveUser(db: Db, action: AccountAction): AdminUser {
  return db.transaction(() => {
    const user = accountFor(db, action.userId);
    if (user.status !== 'active') {
      const accepted = db
        .update(documents)
        .set({ status: 'approved', decidedAt: action.at.toISOString(), decidedBy: action.adminId })
        .where(
          and(
            eq(documents.userId, user.id),
            eq(documents.kind, 'authorization'),
            eq(documents.status, 'pending'),
          ),
        )
        .run();
      setStatus(db, user, 'active', action, { documentsApproved: accepted.changes });
    }
    return adminUserById(db, user.id);
  });
}

/** Blocks an account and revokes its tokens; an admin cannot block themself. */
export function blockUser(db: Db, action: AccountAction): AdminUser {
  if (action.userId === action.adminId) {
    throw new ApiError('forbidden', 'You cannot block your own account.');
  }
  return db.transaction(() => {
    const user = accountFor(db, action.userId);
    if (user.status !== 'blocked') setStatus(db, user, 'blocked', action);
    revokeTokensOf(db, user.id, action.at.toISOString());
    return adminUserById(db, user.id);
  });
}

/** Gives an account another role; an admin cannot demote themself (so an admin always remains). */
export function setRole(db: Db, action: AccountAction & { role: Role }): AdminUser {
  if (action.userId === action.adminId && action.role !== 'admin') {
    throw new ApiError('forbidden', 'You cannot take the admin role from yourself.');
  }
  return db.transaction(() => {
    const user = accountFor(db, action.userId);
    if (user.role !== action.role) {
      db.update(users)
        .set({ role: action.role, updatedAt: action.at.toISOString() })
        .where(eq(users.id, user.id))
        .run();
      recordAudit(db, {
        action: 'user.role_changed',
        at: action.at,
        actorUserId: action.adminId,
        subjectType: 'user',
        subjectId: user.id,
        ip: action.ip,
        details: { from: user.role, to: action.role },
      });
    }
    return adminUserById(db, user.id);
  });
}

/** The account an action is about: not_found if absent, conflict once it is closed. */
function accountFor(db: Db, userId: string): UserRow {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) throw new ApiError('not_found', 'No such account.');
  if (user.status === 'closed') throw new ApiError('conflict', 'The account is closed.');
  return user;
}

function setStatus(
  db: Db,
  user: UserRow,
  status: 'active' | 'blocked',
  action: AccountAction,
  details: AuditDetails = {},
) {
  db.update(users)
    .set({ status, updatedAt: action.at.toISOString() })
    .where(eq(users.id, user.id))
    .run();
  recordAudit(db, {
    action: status === 'active' ? 'user.approved' : 'user.blocked',
    at: action.at,
    actorUserId: action.adminId,
    subjectType: 'user',
    subjectId: user.id,
    ip: action.ip,
    details: { previousStatus: user.status, ...details },
  });
}

function adminUserById(db: Db, userId: string): AdminUser {
  const user = db.select().from(users).where(eq(users.id, userId)).get()!;
  return adminUser(user, documentsOfUsers(db, [userId]).get(userId) ?? []);
}

function adminUser(user: UserRow, docs: (typeof documents.$inferSelect)[]): AdminUser {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    organization: user.organization,
    position: user.position,
    phone: user.phone,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    documents: docs.map(documentMetadata),
  };
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
