import { createHash, randomUUID } from 'node:crypto';
import {
  DISCLOSURE_LIMITS,
  type DisclosedData,
  type DisclosureRecord,
  type DisclosureRequest,
} from '#shared/schemas/disclosures';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { DisclosureRecordRow as DisclosureRow } from '../../storage/disclosures-store';
import { disclosedData } from './disclosed-data';

/** Who records a disclosure, when, from where. */
export type AdminAction = { adminId: string; at: Date; ip: string };

/**
 * Records a disclosure and answers the data it covers. The record says who asked, on what basis,
 * for what, when and by whom, and holds the SHA-256 of the data given, not the data; each
 * included reporter is noted so they can see the disclosure among their own data.
 */
export async function recordDisclosure(
  storage: Pick<Storage, 'disclosures'>,
  request: DisclosureRequest,
  action: AdminAction,
): Promise<{ disclosure: DisclosureRecord; data: DisclosedData }> {
  if (request.requestDate > action.at.toISOString().slice(0, 10)) {
    throw new ApiError('validation_failed', 'The request date is in the future.', {
      issues: [{ path: ['requestDate'], message: 'not after today' }],
    });
  }
  return storage.disclosures.record(request.scope, DISCLOSURE_LIMITS.reports, (facts) => {
    const { data, subjects } = disclosedData(request, facts);
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
      dataSha256: fingerprintOf(data),
    };
    const audit = {
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
    };
    return { entry: { row, subjects, audit }, answer: { disclosure: disclosureRecord(row), data } };
  });
}

/**
 * The export of a recorded disclosure, collected again from its request. Only the data's SHA-256
 * is kept, so the export is given only while the data collected now is exactly what was
 * disclosed (the same hash): otherwise `conflict`. Downloading it is audited.
 */
export async function disclosureExport(
  storage: Pick<Storage, 'disclosures'>,
  id: string,
  action: AdminAction,
): Promise<{ disclosure: DisclosureRecord; data: DisclosedData }> {
  const exported = await storage.disclosures.collectAgain(
    id,
    DISCLOSURE_LIMITS.reports,
    (row, facts) => {
      const { data } = disclosedData(
        {
          recipient: row.recipient,
          recipientType: row.recipientType,
          basis: row.basis,
          requestNumber: row.requestNumber,
          requestDate: row.requestDate,
          scope: row.scope,
          includeReporterIdentity: row.includeReporterIdentity,
        },
        facts,
      );
      const sha256 = fingerprintOf(data);
      if (sha256 !== row.dataSha256) {
        throw new ApiError('conflict', 'The data changed since the disclosure was recorded.');
      }
      const audit = {
        action: 'disclosure.export_downloaded',
        at: action.at,
        actorUserId: action.adminId,
        subjectType: 'disclosure',
        subjectId: row.id,
        ip: action.ip,
      };
      return { audit, answer: { disclosure: disclosureRecord(row), data } };
    },
  );
  if (!exported) throw new ApiError('not_found', 'No such disclosure.');
  return exported;
}

/** One disclosure record, or undefined. */
export async function findDisclosure(
  storage: Pick<Storage, 'disclosures'>,
  id: string,
): Promise<DisclosureRecord | undefined> {
  const row = await storage.disclosures.find(id);
  return row && disclosureRecord(row);
}

/** A page of disclosure records, newest first; reading them is audited too. */
export async function listDisclosures(
  storage: Pick<Storage, 'disclosures'>,
  query: { cursor?: string; limit: number },
  action: AdminAction,
): Promise<{ disclosures: DisclosureRecord[]; cursor: string | null; hasMore: boolean }> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await storage.disclosures.list(after, query.limit + 1, (rows) => ({
    action: 'disclosure.records_viewed',
    at: action.at,
    actorUserId: action.adminId,
    ip: action.ip,
    details: { records: Math.min(rows.length, query.limit) },
  }));
  const page = rows.slice(0, query.limit);
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

/** What a disclosure keeps of its data: a later export must match it byte for byte. */
function fingerprintOf(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
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
