import { and, asc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import type { DisclosedData, DisclosureRequest } from '#shared/schemas/disclosures';
import { DISCLOSURE_LIMITS } from '#shared/schemas/disclosures';
import type { Db } from '../../db/open';
import {
  erasures,
  materialStatusChanges,
  materials,
  type ReportRow,
  reports,
  type UserRow,
  users,
} from '../../db/schema';
import { ApiError } from '../../http/errors';
import { latestConsent } from '../consent/policy-store';

/** The data of a disclosure, and whose reports it holds (with whether they are identified). */
export type Disclosed = {
  data: DisclosedData;
  subjects: { userId: string; identified: boolean; reportCount: number }[];
};

/** Collects the data a disclosure request covers, identifying reporters only where allowed. */
export function collectDisclosedData(db: Db, request: DisclosureRequest): Disclosed {
  const { scope } = request;
  assertKnown(db, scope.materialIds, scope.userIds);
  const rows = reportsInScope(db, request);
  const reporters = new Map<string, { ref: string; identified: boolean; reportCount: number }>();
  const reporterRows = usersById(db, [...new Set(rows.map((r) => r.userId))]);
  const identities: DisclosedData['reporters'] = [];
  for (const row of rows) {
    let reporter = reporters.get(row.userId);
    if (!reporter) {
      const user = reporterRows.get(row.userId)!;
      const identified = mayIdentify(db, request, user);
      // A reference valid in this disclosure only: recipients cannot link disclosures by it.
      reporter = { ref: `reporter-${reporters.size + 1}`, identified, reportCount: 0 };
      reporters.set(row.userId, reporter);
      identities.push({ ref: reporter.ref, identity: identified ? identityOf(user) : null });
    }
    reporter.reportCount += 1;
  }
  const withheldNotes = request.recipientType === 'third_party';
  return {
    data: {
      materials: materialsOf(db, [
        ...new Set([...rows.map((r) => r.materialId), ...(scope.materialIds ?? [])]),
      ]),
      reports: rows.map((row) => {
        // A note that carries a represented person's data goes to state bodies only.
        const withhold = withheldNotes && (row.personalDataKinds?.length ?? 0) > 0;
        return {
          id: row.id,
          materialId: row.materialId,
          reporterRef: reporters.get(row.userId)!.ref,
          url: row.url,
          title: row.title,
          source: row.source,
          resourceType: row.resourceType,
          languages: row.languages,
          geography: row.geography,
          openness: row.openness,
          availability: row.availability,
          topics: row.topics,
          note: withhold ? '' : row.note,
          noteWithheld: withhold,
          capturedAt: row.capturedAt,
          createdAt: row.createdAt,
          evidence: row.evidence ?? null,
        };
      }),
      reporters: identities,
    },
    subjects: [...reporters].map(([userId, r]) => ({
      userId,
      identified: r.identified,
      reportCount: r.reportCount,
    })),
  };
}

/**
 * Whether the recipient may learn who this reporter is: never unless asked for, never once the
 * person's data has been destroyed; for a state body on its motivated request, yes; for any
 * other third party only with the reporter's standing consent to such transfer.
 */
function mayIdentify(db: Db, request: DisclosureRequest, user: UserRow): boolean {
  if (!request.includeReporterIdentity) return false;
  const erased = db
    .select({ destroyedAt: erasures.destroyedAt })
    .from(erasures)
    .where(eq(erasures.userId, user.id))
    .get();
  if (erased?.destroyedAt) return false;
  if (request.recipientType === 'state_body') return true;
  const consent = latestConsent(db, user.id);
  return user.status !== 'closed' && consent?.action === 'given' && consent.thirdPartyTransfer;
}

function identityOf(user: UserRow) {
  return {
    fullName: user.fullName,
    email: user.email,
    organization: user.organization,
    position: user.position,
    phone: user.phone,
  };
}

/** Live reports matching every criterion of the scope, oldest first; too many is refused. */
function reportsInScope(db: Db, { scope }: DisclosureRequest): ReportRow[] {
  const where: (SQL | undefined)[] = [isNull(reports.deletedAt)];
  if (scope.materialIds) where.push(inArray(reports.materialId, scope.materialIds));
  if (scope.userIds) where.push(inArray(reports.userId, scope.userIds));
  if (scope.from) where.push(gte(reports.createdAt, scope.from));
  if (scope.to) where.push(lt(reports.createdAt, nextDay(scope.to)));
  const rows = db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .limit(DISCLOSURE_LIMITS.reports + 1)
    .all();
  if (rows.length > DISCLOSURE_LIMITS.reports) {
    throw new ApiError('validation_failed', 'The scope covers too many reports: narrow it.', {
      maxReports: DISCLOSURE_LIMITS.reports,
    });
  }
  return rows;
}

/** The day after a `YYYY-MM-DD` day, as the same kind of string. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function assertKnown(db: Db, materialIds: string[] = [], userIds: string[] = []): void {
  const knownMaterials = new Set(
    materialIds.length === 0
      ? []
      : db
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds))
          .all()
          .map((r) => r.id),
  );
  const knownUsers = usersById(db, userIds);
  const unknownMaterialIds = materialIds.filter((id) => !knownMaterials.has(id));
  const unknownUserIds = userIds.filter((id) => !knownUsers.has(id));
  if (unknownMaterialIds.length > 0 || unknownUserIds.length > 0) {
    throw new ApiError(
      'validation_failed',
      'The scope names materials or users that do not exist.',
      {
        unknownMaterialIds,
        unknownUserIds,
      },
    );
  }
}

function usersById(db: Db, ids: string[]): Map<string, UserRow> {
  if (ids.length === 0) return new Map();
  const rows = db.select().from(users).where(inArray(users.id, ids)).all();
  return new Map(rows.map((u) => [u.id, u]));
}

function materialsOf(db: Db, ids: string[]): DisclosedData['materials'] {
  if (ids.length === 0) return [];
  const rows = db
    .select()
    .from(materials)
    .where(inArray(materials.id, ids))
    .orderBy(asc(materials.seq))
    .all();
  const history = db
    .select()
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id))
    .all();
  return rows.map((m) => ({
    id: m.id,
    urlKey: m.urlKey,
    url: m.url,
    title: m.title,
    status: m.status,
    firstReportedAt: m.createdAt,
    history: history
      .filter((h) => h.materialId === m.id)
      .map((h) => ({ fromStatus: h.fromStatus, toStatus: h.toStatus, at: h.at })),
  }));
}
