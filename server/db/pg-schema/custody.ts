import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { evidence, materials } from './reports';

/**
 * The RFC 3161 time-stamp of each evidence file. The DER TimeStampResp lives in
 * `<dataDir>/timestamps/<sha256>.tsr`; the row says whether there is one yet and, while there is
 * not, when to ask the authority again.
 */
export const evidenceTimestamps = pgTable(
  'evidence_timestamps',
  {
    sha256: text('sha256')
      .primaryKey()
      .references(() => evidence.sha256),
    /** TSTInfo genTime once stamped. */
    genTime: text('gen_time'),
    /** SHA-256 of the stored .tsr, so that a replaced token is noticed. */
    tokenSha256: text('token_sha256'),
    tsaUrl: text('tsa_url'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: text('next_attempt_at').notNull(),
    stampedAt: text('stamped_at'),
  },
  (t) => [index('evidence_timestamps_next_idx').on(t.nextAttemptAt)],
);
export type EvidenceTimestampRow = typeof evidenceTimestamps.$inferSelect;

/**
 * Each material's custody log: append-only, one row per event, each event's hash covering the
 * previous one's. `event` is the event's JSON exactly as hashed and exported (with its hash).
 */
export const custodyEvents = pgTable(
  'custody_events',
  {
    materialId: text('material_id')
      .notNull()
      .references(() => materials.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: text('at').notNull(),
    hash: text('hash').notNull(),
    event: text('event').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.materialId, t.seq] }),
    index('custody_events_type_idx').on(t.type),
  ],
);
export type CustodyEventRow = typeof custodyEvents.$inferSelect;
