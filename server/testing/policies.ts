import { type PolicyRow, policies } from '../db/schema';
import { policyRow, shippedPolicy } from '../features/consent/policy-store';
import { currentPolicyRow } from '../storage/sqlite/consent-store';
import type { Db } from '../storage/sqlite/handles';

/**
 * The current policy of a SQLite file, publishing the shipped one first when it has none: for
 * helpers that fill a data folder before a server opens it.
 */
export function seedPolicy(db: Db, now: Date): PolicyRow {
  const current = currentPolicyRow(db);
  if (current) return current;
  const row = policyRow('1', shippedPolicy(), now, null);
  db.insert(policies).values(row).run();
  return row;
}
