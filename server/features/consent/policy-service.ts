import type { z } from 'zod';
import type { CurrentPolicy, publishPolicyRequestSchema } from '#shared/schemas/policy';
import type { Db } from '../../db/open';
import type { PolicyRow } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/audit-service';
import { policyByVersion, publishPolicy } from './policy-store';

// Versions that would be shadowed by the fixed paths /api/policy/current and /api/policy/versions.
const RESERVED_VERSIONS = new Set(['current', 'versions']);

/** A policy version as the API shows it. */
export function policyView(row: PolicyRow): CurrentPolicy {
  return {
    version: row.version,
    publishedAt: row.publishedAt,
    sha256: row.sha256,
    text: { ru: row.textRu, kk: row.textKk, en: row.textEn },
  };
}

/** Publishes a new current version (admins): conflict if the version exists already. */
export function publishNewPolicy(
  db: Db,
  request: z.infer<typeof publishPolicyRequestSchema> & { adminId: string; at: Date; ip: string },
): PolicyRow {
  if (RESERVED_VERSIONS.has(request.version.toLowerCase())) {
    throw new ApiError('validation_failed', `"${request.version}" cannot name a version.`);
  }
  return db.transaction(() => {
    if (policyByVersion(db, request.version)) {
      throw new ApiError('conflict', 'This policy version exists already.');
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
