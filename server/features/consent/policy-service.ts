import type { z } from 'zod';
import {
  type CurrentPolicy,
  comparePolicyVersions,
  type publishPolicyRequestSchema,
} from '#shared/schemas/policy';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { PolicyRow } from '../../storage/consent-store';
import { policyRow } from './policy-store';

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
export async function publishNewPolicy(
  storage: Pick<Storage, 'consent'>,
  request: z.infer<typeof publishPolicyRequestSchema> & { adminId: string; at: Date; ip: string },
): Promise<PolicyRow> {
  const published = await storage.consent.publish(request.version, ({ current, existing }) => {
    if (existing || (current && comparePolicyVersions(request.version, current.version) <= 0)) {
      throw new ApiError('conflict', 'A new policy version must be greater than the current one.', {
        currentVersion: current?.version,
      });
    }
    const row = policyRow(request.version, request.text, request.at, request.adminId);
    const audit = {
      action: 'policy.published',
      at: request.at,
      actorUserId: request.adminId,
      subjectType: 'policy',
      subjectId: row.version,
      ip: request.ip,
      details: { sha256: row.sha256 },
    };
    return { row, audit };
  });
  if (!published) throw new Error('a new policy version was not published');
  return published;
}
