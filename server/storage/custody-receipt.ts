import { groupBy } from './evidence-facts';
import type { CustodyLogRow, ReceivedVersion } from './evidence-store';

// What both engines make of the few rows the push path reads to log what a push received.

/** The version pairs bound as one JSON array, for `json_each` or `jsonb_to_recordset`. */
export const receivedKeys = (received: ReceivedVersion[]) =>
  JSON.stringify(received.map(({ id, version }) => ({ id, version })));

type MaterialLogRow = CustodyLogRow & { materialId: string };

/**
 * Each material's log as far as the receipt needs it: the events already logged of the reports
 * and files the push names (so each is logged once, even when a catch-up got there first), then
 * the log's last event, which the new events follow.
 */
export function receiptLogs(
  heads: MaterialLogRow[],
  logged: MaterialLogRow[],
): Map<string, MaterialLogRow[]> {
  return groupBy([...logged, ...heads], (row) => row.materialId);
}
