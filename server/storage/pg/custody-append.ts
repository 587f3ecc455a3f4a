import { type SQL, sql } from 'drizzle-orm';
import { custodyEvents } from '../../db/pg-schema';
import type { CustodyAppend } from '../evidence-facts';

/**
 * The INSERT of sealed custody events. Each event's JSON is already text, so the events go as one
 * JSON array joined from those texts rather than escaped again inside the rows' JSON (as
 * `insertRecordset` would send them), and the other columns as a small recordset beside it,
 * matched by position. The `json` type keeps each element's text exactly as sent — the text that
 * was hashed — and, as nothing here unescapes it, takes what `jsonb` or a conversion to text would
 * refuse (`\u0000`, an escaped lone surrogate).
 */
export function insertCustodyEvents(rows: CustodyAppend[]): SQL {
  const columns = rows.map(({ event: _event, ...columns }) => columns);
  const events = `[${rows.map((row) => row.event).join(',')}]`;
  return sql`INSERT INTO ${custodyEvents} (material_id, seq, type, at, hash, event)
    SELECT c."materialId", c.seq, c.type, c.at, c.hash, e.event::text
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(columns)}::jsonb)
        AS ("materialId" text, seq integer, type text, at text, hash text)) WITH ORDINALITY AS c
      JOIN json_array_elements(${events}::json) WITH ORDINALITY AS e(event, n)
        ON e.n = c.ordinality`;
}
