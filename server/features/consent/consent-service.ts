import type { ConsentRecord, ConsentSubmission } from '#shared/schemas/consent';
import type { Db } from '../../db/open';
import { type ConsentRow, consents } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { revokeTokensOf } from '../../storage/sqlite/sessions-store';
import { recordAudit } from '../audit/audit-service';
import { currentPolicy, latestConsent } from './policy-store';

export type ConsentOrigin = { ip: string; userAgent: string | null };

/** Records the user's consent to the current policy version: conflict for any other version. */
export function giveConsent(
  db: Db,
  consent: { userId: string; submission: ConsentSubmission; origin: ConsentOrigin; at: Date },
): ConsentRecord {
  const { userId, submission, origin, at } = consent;
  return db.transaction(() => {
    const current = currentPolicy(db)?.version;
    if (submission.policyVersion !== current) {
      throw new ApiError('conflict', 'Accept the current policy version.', {
        policyVersion: current,
      });
    }
    const method = submission.method ?? 'extension';
    const row = db
      .insert(consents)
      .values({
        userId,
        action: 'given',
        policyVersion: current,
        processing: true,
        thirdPartyTransfer: submission.scopes.thirdPartyTransfer,
        at: at.toISOString(),
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
      })
      .returning()
      .get();
    recordAudit(db, {
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
    });
    return consentRecord(row);
  });
}

/** Withdraws consent: a new `withdrawn` record (nothing is edited) and every token revoked. */
export function withdrawConsent(
  db: Db,
  withdrawal: { userId: string; method: 'extension' | 'site'; origin: ConsentOrigin; at: Date },
): ConsentRecord {
  const { userId, method, origin, at } = withdrawal;
  return db.transaction(() => {
    const policyVersion = latestConsent(db, userId)?.policyVersion ?? currentPolicy(db)?.version;
    if (!policyVersion) throw new Error('no policy is published');
    const row = db
      .insert(consents)
      .values({
        userId,
        action: 'withdrawn',
        policyVersion,
        processing: false,
        thirdPartyTransfer: false,
        at: at.toISOString(),
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
      })
      .returning()
      .get();
    revokeTokensOf(db, userId, at.toISOString());
    recordAudit(db, {
      action: 'consent.withdrawn',
      at,
      actorUserId: userId,
      subjectType: 'user',
      subjectId: userId,
      ip: origin.ip,
      details: { policyVersion, method },
    });
    return consentRecord(row);
  });
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
