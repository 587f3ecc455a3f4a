import type { Storage } from '../../db/open';
import { catchUpCustody, custodyLog, materialsOfReports } from './evidence-store';

/** Brings a material's custody log up to what the database holds (after a decision, say). */
export async function recordCustody(storage: Storage, materialId: string, at: Date) {
  await catchUpCustody(storage.db, materialId, at);
}

/** Records in their materials' logs that these reports (new or changed) were received. */
export async function recordReportsReceived(storage: Storage, reportIds: string[], at: Date) {
  for (const materialId of await materialsOfReports(storage.db, reportIds)) {
    await catchUpCustody(storage.db, materialId, at);
  }
}

/** Records that a reviewer opened the material (through the API or the console). */
export async function recordViewed(
  storage: Storage,
  materialId: string,
  viewer: { id: string; via: 'api' | 'console' },
  at: Date,
) {
  await catchUpCustody(storage.db, materialId, at, [
    { type: 'viewed', at: at.toISOString(), material: materialId, by: viewer.id, via: viewer.via },
  ]);
}

/** A material's custody log as its events, oldest first. */
export async function custodyEventsOf(
  storage: Storage,
  materialId: string,
): Promise<Record<string, unknown>[]> {
  return (await custodyLog(storage.db, materialId)).map(
    (row) => JSON.parse(row.event) as Record<string, unknown>,
  );
}
