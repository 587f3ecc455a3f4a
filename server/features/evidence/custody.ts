import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of a log's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** A custody event before it is placed in a log: its type and what it says. */
export type CustodyDraft = { type: string; at: string } & Record<string, unknown>;

/** An event as placed in a log: numbered and chained (`hash` covers everything else). */
export type SealedEvent = CustodyDraft & { seq: number; prevHash: string; hash: string };

/**
 * The hash of an event: lowercase hex SHA-256 of its RFC 8785 (JCS) serialization without its
 * `hash` field, as api.md defines it.
 */
export function custodyHash(event: Record<string, unknown>): string {
  const { hash: _, ...hashed } = event;
  return hashOfUnsealed(hashed);
}

/** `custodyHash` of an event that has no `hash` field yet (no copy without it is needed). */
function hashOfUnsealed(hashed: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Places drafts after the log's last event (or first, after `GENESIS_HASH`). */
export function sealEvents(
  last: { seq: number; hash: string } | undefined,
  drafts: CustodyDraft[],
): SealedEvent[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return drafts.map((draft) => {
    seq += 1;
    // Copied once and numbered in place: a spread followed by more fields is a slow copy in V8,
    // and two of them per event were most of the sealing's time (a push seals thousands).
    const event: Record<string, unknown> = Object.assign({}, draft);
    event.seq = seq;
    event.prevHash = prevHash;
    prevHash = hashOfUnsealed(event);
    event.hash = prevHash;
    return event as SealedEvent;
  });
}

/** What is wrong with one line of a stored log. */
export type ChainProblem = { seq: number; problem: string };

/**
 * Re-checks a stored log line by line: each line parses, is numbered in turn, names its material,
 * links to the line before and hashes to what it says. A line edited, removed or inserted shows.
 */
export function checkChain(
  materialId: string,
  rows: { seq: number; hash: string; event: string }[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(row.event) as Record<string, unknown>;
    } catch {
      problems.push({ seq: row.seq, problem: 'the event is not valid JSON' });
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      continue;
    }
    if (row.seq !== expectedSeq || event.seq !== row.seq) {
      problems.push({ seq: row.seq, problem: `expected event number ${expectedSeq}` });
    }
    if (event.material !== materialId) {
      problems.push({ seq: row.seq, problem: 'the event names another material' });
    }
    if (event.prevHash !== prevHash) {
      problems.push({ seq: row.seq, problem: 'prevHash is not the previous event’s hash' });
    }
    const actual = custodyHash(event);
    if (event.hash !== actual || row.hash !== actual) {
      problems.push({ seq: row.seq, problem: `the content hashes to ${actual}, not its hash` });
    }
    prevHash = typeof event.hash === 'string' ? event.hash : row.hash;
    expectedSeq = row.seq + 1;
  }
  return problems;
}
