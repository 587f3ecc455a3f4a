import type { ReviewReport } from '#shared/schemas/review';
import { reportFields } from '../../storage/report-codec';
import type { ReportRecord } from '../../storage/review-store';

/** A report's content as the console shows it (who reported it is added by the caller). */
export function reportContent(row: ReportRecord): Omit<ReviewReport, 'reporter'> {
  return {
    ...reportFields(row),
    evidence: row.evidence ?? null,
    files: row.files ?? [],
    capture: row.capture ?? null,
    personalDataBasis: row.personalDataBasis ?? null,
    personalDataKinds: row.personalDataKinds ?? [],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
