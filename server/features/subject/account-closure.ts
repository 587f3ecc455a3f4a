import { and, count, eq, ne } from 'drizzle-orm';
import type { AccountClosure } from '#shared/schemas/subject';
import type { Db } from '../../db/open';
import { consents, erasures, users } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { currentPolicyRow, latestConsentRow } from '../../storage/sqlite/consent-store';
import { revokeTokensOf } from '../../storage/sqlite/sessions-store';
import { recordAudit } from '../audit/audit-service';

const DAY_MS = 86_400_000;

export type ClosureRequest = {
  userId: string;
  at: Date;
  origin: { ip: string; userAgent: string | null };
  /** The configured retention period: personal data is destroyed once it has passed. */
  retentionDays: number;
};

/**
 * A user's erasure request: the account is closed, every token stops working, consent is
 * withdrawn (a new record, as always), and retention destroys the personal data once the period
 * has passed. Reports stay, to be pseudonymized then. The last active admin cannot leave.
 */
export function closeAccount(db: Db, request: ClosureRequest): AccountClosure {
  const { userId, at, origin } = request;
  const closedAt = at.toISOString();
  db.transaction(
    (tx) => {
      const user = tx.select().from(users).where(eq(users.id, userId)).get();
      if (!user) throw new ApiError('not_found', 'No such account.');
      if (user.status === 'closed') throw new ApiError('conflict', 'The account is closed.');
      if (user.role === 'admin' && otherActiveAdmins(db, userId) === 0) {
        throw new ApiError('conflict', 'Make another admin first: the last admin cannot leave.');
      }
      tx.update(users)
        .set({ status: 'closed', closedAt, updatedAt: closedAt })
        .where(eq(users.id, userId))
        .run();
      revokeTokensOf(db, userId, at.toISOString());
      const policyVersion =
        latestConsentRow(tx, userId)?.policyVersion ?? currentPolicyRow(tx)?.version;
      if (policyVersion) {
        tx.insert(consents)
          .values({
            userId,
            action: 'withdrawn',
            policyVersion,
            processing: false,
            thirdPartyTransfer: false,
            at: closedAt,
            method: 'account_closure',
            ip: origin.ip,
            userAgent: origin.userAgent,
          })
          .run();
      }
      tx.insert(erasures)
        .values({ userId, requestedAt: closedAt })
        .onConflictDoUpdate({ target: erasures.userId, set: { requestedAt: closedAt } })
        .run();
      recordAudit(tx, {
        action: 'account.closed',
        at,
        actorUserId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip: origin.ip,
        details: { previousStatus: user.status, retentionDays: request.retentionDays },
      });
    },
    { behavior: 'immediate' },
  );
  return {
    userId,
    status: 'closed',
    closedAt,
    personalDataDestroyedAfter: new Date(
      at.getTime() + request.retentionDays * DAY_MS,
    ).toISOString(),
  };
}

function otherActiveAdmins(db: Db, userId: string): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}
