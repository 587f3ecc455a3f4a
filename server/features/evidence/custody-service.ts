import type { Storage } from '../../storage';
import type { CustodyFacts, CustodyLogRow, ReceivedVersion } from '../../storage/evidence-store';
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
  return storage.evidence.catchUpCustody(ids, sealMissing(at, extra));
}

/** What a log lacks of the facts, then `extra`, sealed after the log's last event. */
export const sealMissing =
  (at: Date, extra: CustodyDraft[] = []) =>
  (log: CustodyLogRow[], facts: CustodyFacts) => {
    const logged = log.map((row) => JSON.parse(row.event) as Record<string, unknown>);
    const drafts = [...missingCustodyEvents(logged, facts, at), ...extra];
    return drafts.length === 0 ? [] : sealEvents(log.at(-1), drafts);
  };

/** Brings a material's custody log up to what the database holds (after a decision, say). */
export async function recordCustody(storage: CustodyStorage, materialId: string, at: Date) {
  await catchUpCustody(storage, materialId, at);
}

/**
 * Records in their materials' logs that these report versions (new or changed) were received,
 * with the files they list that a log lacks: one transaction for the whole push, reading only
 * what the push touched and each log's last event (the full catch-up re-read every log whole).
 */
export async function recordReportsReceived(
  storage: CustodyStorage,
  received: ReceivedVersion[],
  at: Date,
) {
  await storage.evidence.recordReceipt(received, sealMissing(at));
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
