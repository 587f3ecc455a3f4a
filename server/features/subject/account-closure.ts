import type { AccountClosure } from '#shared/schemas/subject';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';

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
export async function closeAccount(
  storage: Pick<Storage, 'accounts'>,
  request: ClosureRequest,
): Promise<AccountClosure> {
  const { userId, at, origin } = request;
  const closedAt = at.toISOString();
  await storage.accounts.change(userId, (facts) => {
    if (!facts) throw new ApiError('not_found', 'No such account.');
    const { user } = facts;
    if (user.status === 'closed') throw new ApiError('conflict', 'The account is closed.');
    if (user.role === 'admin' && facts.otherActiveAdmins === 0) {
      throw new ApiError('conflict', 'Make another admin first: the last admin cannot leave.');
    }
    const policyVersion = facts.latestConsent?.policyVersion ?? facts.currentPolicyVersion;
    return {
      set: { status: 'closed', closedAt, updatedAt: closedAt },
      revokeTokensAt: closedAt,
      consent: policyVersion
        ? {
            userId,
            action: 'withdrawn',
            policyVersion,
            processing: false,
            thirdPartyTransfer: false,
            at: closedAt,
            method: 'account_closure',
            ip: origin.ip,
            userAgent: origin.userAgent,
          }
        : undefined,
      erasureRequestedAt: closedAt,
      audit: [
        {
          action: 'account.closed',
          at,
          actorUserId: userId,
          subjectType: 'user',
          subjectId: userId,
          ip: origin.ip,
          details: { previousStatus: user.status, retentionDays: request.retentionDays },
        },
      ],
    };
  });
  return {
    userId,
    status: 'closed',
    closedAt,
    personalDataDestroyedAfter: new Date(
      at.getTime() + request.retentionDays * DAY_MS,
    ).toISOString(),
  };
}
