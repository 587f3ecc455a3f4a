import type { z } from 'zod';
import {
  type CurrentPolicy,
  comparePolicyVersions,
  type publishPolicyRequestSchema,
} from '#shared/schemas/policy';
import type { Db } from '../../db/open';
import type { PolicyRow } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/audit-service';
import { currentPolicy, policyByVersion, publishPolicy } from './policy-store';

/** A policy version as the API shows it. */
export function policyView(row: PolicyRow): CurrentPolicy {
  return {
    version: row.version,
    publishedAt: row.publishedAt,
    sha256: row.sha256,
    text: { ru: row.textRu, kk: row.textKk, en: row.textEn },
  };
}

/**
 * Publishes a new current version (admins). Versions only move forward: conflict if the version
 * is not greater than the current one (which covers one that exists already).
 */
export function publishNewPolicy(
  db: Db,
  request: z.infer<typeof publishPolicyRequestSchema> & { adminId: string; at: Date; ip: string },
): PolicyRow {
  return db.transaction(() => {
    const current = currentPolicy(db);
    const exists = !!policyByVersion(db, request.version);
    if (exists || (current && comparePolicyVersions(request.version, current.version) <= 0)) {
      throw new ApiError('conflict', 'A new policy version must be greater than the current one.', {
        currentVersion: current?.version,
      });
    }
    const row = publishPolicy(db, request.version, request.text, request.at, request.adminId);
    recordAudit(db, {
      action: 'policy.published',
      at: request.at,
      actorUserId: request.adminId,
      subjectType: 'policy',
      subjectId: row.version,
      ip: request.ip,
      details: { sha256: row.sha256 },
    });
    return row;
  });
}
