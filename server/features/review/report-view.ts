import type { ReviewReport } from '#shared/schemas/review';
import type { ReportRow } from '../../db/schema';

/** A report's content as the console shows it (who reported it is added by the caller). */
export function reportContent(row: ReportRow): Omit<ReviewReport, 'reporter'> {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    source: row.source,
    resourceType: row.resourceType,
    languages: row.languages,
    geography: row.geography,
    openness: row.openness,
    availability: row.availability,
    topics: row.topics,
    note: row.note,
    capturedAt: row.capturedAt,
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
