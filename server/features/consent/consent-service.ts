import type { ConsentRecord, ConsentSubmission } from '#shared/schemas/consent';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { ConsentRow } from '../../storage/consent-store';

export type ConsentOrigin = { ip: string; userAgent: string | null };

/** Records the user's consent to the current policy version: conflict for any other version. */
export async function giveConsent(
  storage: Pick<Storage, 'consent'>,
  consent: { userId: string; submission: ConsentSubmission; origin: ConsentOrigin; at: Date },
): Promise<ConsentRecord> {
  const { userId, submission, origin, at } = consent;
  const row = await storage.consent.record(userId, (facts) => {
    const current = facts.current?.version;
    if (!current || submission.policyVersion !== current) {
      throw new ApiError('conflict', 'Accept the current policy version.', {
        policyVersion: current,
      });
    }
    const method = submission.method ?? 'extension';
    return {
      consent: {
        userId,
        action: 'given',
        policyVersion: current,
        processing: true,
        thirdPartyTransfer: submission.scopes.thirdPartyTransfer,
        at: at.toISOString(),
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
      },
      revokeTokens: false,
      audit: {
        action: 'consent.given',
        at,
        actorUserId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip: origin.ip,
        details: {
          policyVersion: current,
          method,
          thirdPartyTransfer: submission.scopes.thirdPartyTransfer,
        },
      },
    };
  });
  return consentRecord(row);
}

/** Withdraws consent: a new `withdrawn` record (nothing is edited) and every token revoked. */
export async function withdrawConsent(
  storage: Pick<Storage, 'consent'>,
  withdrawal: { userId: string; method: 'extension' | 'site'; origin: ConsentOrigin; at: Date },
): Promise<ConsentRecord> {
  const { userId, method, origin, at } = withdrawal;
  const row = await storage.consent.record(userId, (facts) => {
    const policyVersion = facts.latest?.policyVersion ?? facts.current?.version;
    if (!policyVersion) throw new Error('no policy is published');
    return {
      consent: {
        userId,
        action: 'withdrawn',
        policyVersion,
        processing: false,
        thirdPartyTransfer: false,
        at: at.toISOString(),
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
      },
      revokeTokens: true,
      audit: {
        action: 'consent.withdrawn',
        at,
        actorUserId: userId,
        subjectType: 'user',
        subjectId: userId,
        ip: origin.ip,
        details: { policyVersion, method },
      },
    };
  });
  return consentRecord(row);
}

/** A consent record as its owner sees it. */
export function consentRecord(row: ConsentRow): ConsentRecord {
  return {
    action: row.action,
    policyVersion: row.policyVersion,
    scopes: { processing: row.processing, thirdPartyTransfer: row.thirdPartyTransfer },
    at: row.at,
    method: row.method,
  };
}
