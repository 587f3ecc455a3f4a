import type { MaterialOutcome } from './follow-through-store';

type FirstAt = { id: string; at: string | null };

/**
 * Joins what both engines read: each material's first block and first removal, and when the
 * materials were reported (`reportedAt`, read for the ids that had either).
 */
export async function materialOutcomesOf(
  blocked: FirstAt[],
  removed: FirstAt[],
  reportedAt: (ids: string[]) => Promise<{ id: string; createdAt: string }[]>,
): Promise<MaterialOutcome[]> {
  const found = new Map<string, MaterialOutcome>();
  const entry = (id: string) => {
    const known = found.get(id) ?? {
      materialId: id,
      firstReportedAt: '',
      blockedAt: null,
      removedAt: null,
    };
    found.set(id, known);
    return known;
  };
  for (const row of blocked) entry(row.id).blockedAt = row.at;
  for (const row of removed) entry(row.id).removedAt = row.at;
  if (found.size === 0) return [];
  for (const row of await reportedAt([...found.keys()])) {
    found.get(row.id)!.firstReportedAt = row.createdAt;
  }
  return [...found.values()];
}
