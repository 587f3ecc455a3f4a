/** @jsxImportSource hono/jsx */

import type { View } from '../view';
import type { AuditEventRow, Person } from './audit-query';

type Details = NonNullable<AuditEventRow['details']>;

/** Detail keys whose values are account ids: shown as people. */
const PERSON_KEYS = new Set(['ownerUserId', 'userIds']);

/** The account ids an event's details name, so the page can show them as people. */
export function personIdsOf(details: AuditEventRow['details']): string[] {
  if (!details) return [];
  return Object.entries(details).flatMap(([key, value]) =>
    PERSON_KEYS.has(key) ? [value].flat().filter((v): v is string => typeof v === 'string') : [],
  );
}

/**
 * An event's details as a short list in the page's language: known keys in words, account ids as
 * people, hashes and ids as they are (they are what an admin searches for elsewhere).
 */
export function AuditDetails(props: {
  view: View;
  details: Details;
  people: Map<string, Person>;
  personName: (id: string) => unknown;
}) {
  const { t } = props.view;
  const entries = Object.entries(props.details);
  if (entries.length === 0) return <>{t.common.none}</>;
  return (
    <dl class="details">
      {entries.map(([key, value]) => (
        <>
          <dt>{t.auditDetails[key] ?? key}</dt>
          <dd>{PERSON_KEYS.has(key) ? people(props, value) : text(props.view, value)}</dd>
        </>
      ))}
    </dl>
  );
}

function people(props: { personName: (id: string) => unknown }, value: unknown) {
  const ids = [value].flat().filter((v): v is string => typeof v === 'string');
  return ids.map((id, i) => (
    <>
      {i > 0 && ', '}
      {props.personName(id)}
    </>
  ));
}

function text(view: View, value: unknown): string {
  const { t } = view;
  if (value === null || value === undefined) return t.common.none;
  if (typeof value === 'boolean') return value ? t.auditDetailValues.yes! : t.auditDetailValues.no!;
  if (Array.isArray(value)) return value.map((v) => text(view, v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return t.auditDetailValues[String(value)] ?? String(value);
}
