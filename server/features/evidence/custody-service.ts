import type { Storage } from '../../storage';
import { type CustodyDraft, sealEvents } from './custody';
import { missingCustodyEvents } from './custody-events';

type CustodyStorage = Pick<Storage, 'evidence'>;

/**
 * Records in each material's log what the database holds and the log lacks, then appends `extra`
 * (a view, an export; given for one material only), all in one transaction. Answers how many
 * events were appended.
 */
export function catchUpCustody(
  storage: CustodyStorage,
  materialIds: string | string[],
  at: Date,
  extra: CustodyDraft[] = [],
): Promise<number> {
  const ids = typeof materialIds === 'string' ? [materialIds] : materialIds;
  if (ids.length === 0) return Promise.resolve(0);
  return storage.evidence.catchUpCustody(ids, (log, facts) => {
    const logged = log.map((row) => JSON.parse(row.event) as Record<string, unknown>);
    const drafts = [...missingCustodyEvents(logged, facts, at), ...extra];
    return drafts.length === 0 ? [] : sealEvents(log.at(-1), drafts);
  });
}

/** Brings a material's custody log up to what the database holds (after a decision, say). */
export async function recordCustody(storage: CustodyStorage, materialId: string, at: Date) {
  await catchUpCustody(storage, materialId, at);
}

/**
 * Records in their materials' logs that these reports (new or changed) were received: one
 * transaction for the whole push, not one per material.
 */
export async function recordReportsReceived(
  storage: CustodyStorage,
  reportIds: string[],
  at: Date,
) {
  await catchUpCustody(storage, await storage.evidence.materialsOfReports(reportIds), at);
}

/** Records that a reviewer opened the material (through the API or the console). */
export async function recordViewed(
  storage: CustodyStorage,
  materialId: string,
  viewer: { id: string; via: 'api' | 'console' },
  at: Date,
) {
  await catchUpCustody(storage, materialId, at, [
    { type: 'viewed', at: at.toISOString(), material: materialId, by: viewer.id, via: viewer.via },
  ]);
}

/** A material's custody log as its events, oldest first. */
export async function custodyEventsOf(
  storage: CustodyStorage,
  materialId: string,
): Promise<Record<string, unknown>[]> {
  return (await storage.evidence.custodyLog(materialId)).map(
    (row) => JSON.parse(row.event) as Record<string, unknown>,
  );
}
