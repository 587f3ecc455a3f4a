import type { DisclosedData, DisclosureRequest } from '#shared/schemas/disclosures';
import { DISCLOSURE_LIMITS } from '#shared/schemas/disclosures';
import { ApiError } from '../../http/errors';
import type { ScopeFacts, ScopeReporter } from '../../storage/disclosures-store';
import { reportFields } from '../../storage/report-codec';

/** The data of a disclosure, and whose reports it holds (with whether they are identified). */
export type Disclosed = {
  data: DisclosedData;
  subjects: { userId: string; identified: boolean; reportCount: number }[];
};

/**
 * The data a disclosure request covers, from what the storage holds of its scope, identifying
 * reporters only where allowed. Refused when the scope names unknown ids or covers too much.
 */
export function disclosedData(request: DisclosureRequest, facts: ScopeFacts): Disclosed {
  assertKnown(facts);
  const rows = facts.reports;
  if (rows.length > DISCLOSURE_LIMITS.reports) {
    throw new ApiError('validation_failed', 'The scope covers too many reports: narrow it.', {
      maxReports: DISCLOSURE_LIMITS.reports,
    });
  }
  const reporters = new Map<string, { ref: string; identified: boolean; reportCount: number }>();
  const identities: DisclosedData['reporters'] = [];
  for (const row of rows) {
    let reporter = reporters.get(row.userId);
    if (!reporter) {
      const found = facts.reporters.get(row.userId)!;
      const identified = mayIdentify(request, found);
      // A reference valid in this disclosure only: recipients cannot link disclosures by it.
      reporter = { ref: `reporter-${reporters.size + 1}`, identified, reportCount: 0 };
      reporters.set(row.userId, reporter);
      identities.push({ ref: reporter.ref, identity: identified ? identityOf(found.user) : null });
    }
    reporter.reportCount += 1;
  }
  const withheldNotes = request.recipientType === 'third_party';
  return {
    data: {
      materials: facts.materials.map(({ material: m, history }) => ({
        id: m.id,
        urlKey: m.urlKey,
        url: m.url,
        title: m.title,
        status: m.status,
        firstReportedAt: m.createdAt,
        history: history.map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: h.at })),
      })),
      reports: rows.map((row) => {
        // A note that carries a represented person's data goes to state bodies only.
        const withhold = withheldNotes && (row.personalDataKinds?.length ?? 0) > 0;
        return {
          ...reportFields(row),
          materialId: row.materialId,
          reporterRef: reporters.get(row.userId)!.ref,
          note: withhold ? '' : row.note,
          noteWithheld: withhold,
          createdAt: row.createdAt,
          evidence: row.evidence ?? null,
        };
      }),
      reporters: identities,
    },
    subjects: [...reporters].map(([userId, r]) => ({
      userId,
      identified: r.identified,
      reportCount: r.reportCount,
    })),
  };
}

/**
 * Whether the recipient may learn who this reporter is: never unless asked for, never once the
 * person's data has been destroyed; for a state body on its motivated request, yes; for any
 * other third party only with the reporter's standing consent to such transfer.
 */
function mayIdentify(request: DisclosureRequest, reporter: ScopeReporter): boolean {
  if (!request.includeReporterIdentity) return false;
  if (reporter.destroyed) return false;
  if (request.recipientType === 'state_body') return true;
  const consent = reporter.latestConsent;
  return (
    reporter.user.status !== 'closed' && consent?.action === 'given' && consent.thirdPartyTransfer
  );
}

function identityOf(user: ScopeReporter['user']) {
  return {
    fullName: user.fullName,
    email: user.email,
    organization: user.organization,
    position: user.position,
    phone: user.phone,
  };
}

function assertKnown({ unknownMaterialIds, unknownUserIds }: ScopeFacts): void {
  if (unknownMaterialIds.length > 0 || unknownUserIds.length > 0) {
    throw new ApiError(
      'validation_failed',
      'The scope names materials or users that do not exist.',
      {
        unknownMaterialIds,
        unknownUserIds,
      },
    );
  }
}
