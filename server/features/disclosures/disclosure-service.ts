import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type {
  DisclosedData,
  DisclosureRecord,
  DisclosureRequest,
} from '#shared/schemas/disclosures';
import type { Db } from '../../db/open';
import { type DisclosureRow, disclosureSubjects, disclosures } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/audit-service';
import { collectDisclosedData } from './disclosed-data';

/** Who records a disclosure, when, from where. */
export type AdminAction = { adminId: string; at: Date; ip: string };

/**
 * Records a disclosure and answers the data it covers. The record says who asked, on what basis,
 * for what, when and by whom, and holds the SHA-256 of the data given, not the data; each
 * included reporter is noted so they can see the disclosure among their own data.
 */
export function recordDisclosure(
  db: Db,
  request: DisclosureRequest,
  action: AdminAction,
): { disclosure: DisclosureRecord; data: DisclosedData } {
  if (request.requestDate > action.at.toISOString().slice(0, 10)) {
    throw new ApiError('validation_failed', 'The request date is in the future.', {
      issues: [{ path: ['requestDate'], message: 'not after today' }],
    });
  }
  return db.transaction(
    (tx) => {
      const { data, subjects } = collectDisclosedData(db, request);
      const row: DisclosureRow = {
        id: randomUUID(),
        recipient: request.recipient,
        recipientType: request.recipientType,
        basis: request.basis,
        requestNumber: request.requestNumber,
        requestDate: request.requestDate,
        scope: request.scope,
        includeReporterIdentity: request.includeReporterIdentity,
        createdAt: action.at.toISOString(),
        createdBy: action.adminId,
        materialCount: data.materials.length,
        reportCount: data.reports.length,
        reporterCount: subjects.length,
        identifiedReporterCount: subjects.filter((s) => s.identified).length,
        dataSha256: createHash('sha256').update(JSON.stringify(data)).digest('hex'),
      };
      tx.insert(disclosures).values(row).run();
      if (subjects.length > 0) {
        tx.insert(disclosureSubjects)
          .values(subjects.map((s) => ({ disclosureId: row.id, ...s })))
          .run();
      }
      recordAudit(tx, {
        action: 'disclosure.recorded',
        at: action.at,
        actorUserId: action.adminId,
        subjectType: 'disclosure',
        subjectId: row.id,
        ip: action.ip,
        details: {
          recipientType: row.recipientType,
          materials: row.materialCount,
          reports: row.reportCount,
          reporters: row.reporterCount,
          identifiedReporters: row.identifiedReporterCount,
        },
      });
      return { disclosure: disclosureRecord(row), data };
    },
    { behavior: 'immediate' },
  );
}

/**
 * The export of a recorded disclosure, collected again from its request. Only the data's SHA-256
 * is kept, so the export is given only while the data collected now is exactly what was
 * disclosed (the same hash): otherwise `conflict`. Downloading it is audited.
 */
export function disclosureExport(
  db: Db,
  id: string,
  action: AdminAction,
): { disclosure: DisclosureRecord; data: DisclosedData } {
  const row = db.select().from(disclosures).where(eq(disclosures.id, id)).get();
  if (!row) throw new ApiError('not_found', 'No such disclosure.');
  const { data } = collectDisclosedData(db, {
    recipient: row.recipient,
    recipientType: row.recipientType,
    basis: row.basis,
    requestNumber: row.requestNumber,
    requestDate: row.requestDate,
    scope: row.scope,
    includeReporterIdentity: row.includeReporterIdentity,
  });
  const sha256 = createHash('sha256').update(JSON.stringify(data)).digest('hex');
  if (sha256 !== row.dataSha256) {
    throw new ApiError('conflict', 'The data changed since the disclosure was recorded.');
  }
  recordAudit(db, {
    action: 'disclosure.export_downloaded',
    at: action.at,
    actorUserId: action.adminId,
    subjectType: 'disclosure',
    subjectId: row.id,
    ip: action.ip,
  });
  return { disclosure: disclosureRecord(row), data };
}

/** One disclosure record, or undefined. */
export function findDisclosure(db: Db, id: string): DisclosureRecord | undefined {
  const row = db.select().from(disclosures).where(eq(disclosures.id, id)).get();
  return row && disclosureRecord(row);
}

/** A page of disclosure records, newest first; reading them is audited too. */
export function listDisclosures(
  db: Db,
  query: { cursor?: string; limit: number },
  action: AdminAction,
): { disclosures: DisclosureRecord[]; cursor: string | null; hasMore: boolean } {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = db
    .select()
    .from(disclosures)
    .where(
      after
        ? or(
            lt(disclosures.createdAt, after.createdAt),
            and(eq(disclosures.createdAt, after.createdAt), lt(disclosures.id, after.id)),
          )
        : undefined,
    )
    .orderBy(desc(disclosures.createdAt), desc(disclosures.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  recordAudit(db, {
    action: 'disclosure.records_viewed',
    at: action.at,
    actorUserId: action.adminId,
    ip: action.ip,
    details: { records: page.length },
  });
  const last = page.at(-1);
  return {
    disclosures: page.map(disclosureRecord),
    cursor: last ? encodeCursor(last) : (query.cursor ?? null),
    hasMore: rows.length > query.limit,
  };
}

/** A disclosure row as the API shows it. */
export function disclosureRecord(row: DisclosureRow): DisclosureRecord {
  return {
    id: row.id,
    recipient: row.recipient,
    recipientType: row.recipientType,
    basis: row.basis,
    requestNumber: row.requestNumber,
    requestDate: row.requestDate,
    scope: row.scope,
    includeReporterIdentity: row.includeReporterIdentity,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    counts: {
      materials: row.materialCount,
      reports: row.reportCount,
      reporters: row.reporterCount,
      identifiedReporters: row.identifiedReporterCount,
    },
    dataSha256: row.dataSha256,
  };
}

function encodeCursor(row: DisclosureRow): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // answered below
  }
  throw new ApiError('validation_failed', 'The cursor is not valid.');
}
