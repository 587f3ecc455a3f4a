import {
  type AnyColumn,
  and,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
} from 'drizzle-orm';
import type { UserRow } from '../db/schema';
import type { AccountFilter } from './accounts-store';

// What the engines' stores ask about accounts and the personal data around them, written once:
// drizzle's conditions take either engine's columns, so only the statements around them differ.

type Columns<K extends string> = Record<K, AnyColumn>;

/** Accounts matching the filter, after its (createdAt, id) cursor. */
export function accountPageWhere(
  users: Columns<'status' | 'createdAt' | 'id'>,
  filter: AccountFilter,
): SQL | undefined {
  const { after } = filter;
  return and(
    filter.status ? eq(users.status, filter.status) : undefined,
    after
      ? or(
          gt(users.createdAt, after.createdAt),
          and(eq(users.createdAt, after.createdAt), gt(users.id, after.id)),
        )
      : undefined,
  );
}

/** The account's successful sign-ins from this address since then. */
export function signInsFromWhere(
  auditEvents: Columns<'actorUserId' | 'action' | 'ip' | 'at'>,
  userId: string,
  ip: string,
  since: string,
): SQL | undefined {
  return and(
    eq(auditEvents.actorUserId, userId),
    eq(auditEvents.action, 'auth.login_succeeded'),
    eq(auditEvents.ip, ip),
    gte(auditEvents.at, since),
  );
}

type AuditColumns = Columns<'actorUserId' | 'subjectType' | 'subjectId'>;

/** Events done by the person, about their account, or about their documents. */
export function eventsOfPersonWhere(
  auditEvents: AuditColumns,
  userId: string,
  documentIds: string[],
): SQL | undefined {
  return or(
    eq(auditEvents.actorUserId, userId),
    and(eq(auditEvents.subjectType, 'user'), eq(auditEvents.subjectId, userId)),
    documentIds.length > 0
      ? and(eq(auditEvents.subjectType, 'document'), inArray(auditEvents.subjectId, documentIds))
      : undefined,
  );
}

/** Events by or about these accounts that still hold an address (retention clears it). */
export function addressedEventsOfWhere(
  auditEvents: AuditColumns & Columns<'ip'>,
  userIds: string[],
): SQL | undefined {
  return and(
    isNotNull(auditEvents.ip),
    or(
      inArray(auditEvents.actorUserId, userIds),
      and(eq(auditEvents.subjectType, 'user'), inArray(auditEvents.subjectId, userIds)),
    ),
  );
}

/** What an account's profile becomes once retention destroyed it: the pseudonym and nothing else. */
export function destroyedProfile(pseudonym: string, at: string) {
  return {
    email: pseudonym,
    fullName: '',
    organization: '',
    position: '',
    phone: null,
    passwordHash: '',
    updatedAt: at,
  } satisfies Partial<UserRow>;
}

/** The columns of a table by these names, each as that engine's column type. */
function columns<T extends object, K extends keyof T>(table: T, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, table[name]])) as Pick<T, K>;
}

/** What a person sees of their sign-in sessions. */
export function sessionColumns<
  T extends Columns<'deviceName' | 'createdAt' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'>,
>(tokens: T) {
  return columns(tokens, [
    'deviceName',
    'createdAt',
    'expiresAt',
    'revokedAt',
    'lastUsedAt',
  ] as const);
}

/** What a person sees of the disclosures that included their reports. */
export function disclosureOfSubjectColumns<
  D extends Columns<
    'id' | 'recipient' | 'recipientType' | 'basis' | 'requestNumber' | 'requestDate' | 'createdAt'
  >,
  S extends Columns<'identified' | 'reportCount'>,
>(
  disclosures: D,
  disclosureSubjects: S,
): Pick<
  D,
  'id' | 'recipient' | 'recipientType' | 'basis' | 'requestNumber' | 'requestDate' | 'createdAt'
> & { identified: S['identified']; reports: S['reportCount'] } {
  return {
    ...columns(disclosures, [
      'id',
      'recipient',
      'recipientType',
      'basis',
      'requestNumber',
      'requestDate',
      'createdAt',
    ] as const),
    identified: disclosureSubjects.identified,
    reports: disclosureSubjects.reportCount,
  };
}

/** Closed accounts, closed at or before the cutoff, whose data is not destroyed yet. */
export function dueClosedWhere(
  users: Columns<'status' | 'closedAt'>,
  erasures: Columns<'userId' | 'destroyedAt'>,
  cutoff: string,
): SQL | undefined {
  return and(
    eq(users.status, 'closed'),
    lte(users.closedAt, cutoff),
    or(isNull(erasures.userId), isNull(erasures.destroyedAt)),
  );
}
