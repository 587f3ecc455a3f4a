import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import type { MaterialContent } from './relations-store';

/** Live reports' rows grouped by material, each file once (the single `evidence` is a screenshot). */
export function contentByMaterial(
  rows: {
    materialId: string;
    status: ReviewStatus;
    possibleMirrorOf: string | null;
    evidence: Evidence | null;
    files: EvidenceFile[] | null;
  }[],
): MaterialContent[] {
  const byMaterial = new Map<string, MaterialContent>();
  for (const row of rows) {
    const entry = byMaterial.get(row.materialId) ?? {
      materialId: row.materialId,
      status: row.status,
      possibleMirrorOf: row.possibleMirrorOf,
      files: [],
    };
    const listed = [
      ...(row.evidence ? [{ ...row.evidence, kind: 'screenshot' as const }] : []),
      ...(row.files ?? []),
    ];
    for (const file of listed) {
      if (!entry.files.some((f) => f.sha256 === file.sha256)) entry.files.push(file);
    }
    byMaterial.set(row.materialId, entry);
  }
  return [...byMaterial.values()];
}
