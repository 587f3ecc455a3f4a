/** @jsxImportSource hono/jsx */

import { formatTime } from '../components/format';
import { Field, Select } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import type { View } from '../view';
import { AuditDetails } from './audit-details';
import type { AuditEventRow, AuditFilter, Person } from './audit-query';

/** An action in the page's language (the code itself for an action the site has no words for). */
const actionLabel = (view: View, action: string) => view.t.auditActions[action] ?? action;

/** A person as admins see them in the log: name and e-mail, with the id on hover. */
function PersonName(props: { view: View; id: string; people: Map<string, Person> }) {
  const { view, id } = props;
  const person = props.people.get(id);
  if (!person) return <span title={id}>{view.t.audit.unknownPerson}</span>;
  if (person.closed || person.name === '') {
    return <span title={id}>{view.t.audit.closedPerson}</span>;
  }
  return (
    <span title={id}>
      {person.name}
      <br />
      <span class="meta">{person.email}</span>
    </span>
  );
}

function Subject(props: { view: View; event: AuditEventRow; people: Map<string, Person> }) {
  const { view, event } = props;
  if (!event.subjectType) return <>{view.t.common.none}</>;
  const kind = view.t.subjectTypes[event.subjectType] ?? event.subjectType;
  if (event.subjectType === 'user' && event.subjectId) {
    return (
      <>
        {kind}: <PersonName view={view} id={event.subjectId} people={props.people} />
      </>
    );
  }
  if (event.subjectType === 'material' && event.subjectId) {
    return (
      <>
        {kind}:{' '}
        <a href={`/review/materials/${event.subjectId}`} class="hash">
          {event.subjectId}
        </a>
      </>
    );
  }
  return (
    <>
      {kind}
      {event.subjectId && (
        <>
          : <span class="hash">{event.subjectId}</span>
        </>
      )}
    </>
  );
}

function Filters(props: { view: View; filter: AuditFilter; actions: string[] }) {
  const { view, filter } = props;
  const { t } = view;
  return (
    <form method="get" action="/admin/audit" class="filters">
      <Select
        name="action"
        label={t.audit.action}
        value={filter.action}
        anyLabel={t.common.any}
        options={props.actions.map((action) => ({
          value: action,
          label: actionLabel(view, action),
        }))}
      />
      <Field
        name="person"
        type="search"
        label={t.audit.person}
        value={filter.person}
        maxlength={100}
      />
      {filter.actor && <input type="hidden" name="actor" value={filter.actor} />}
      <Field name="from" type="date" label={t.common.from} value={filter.from} />
      <Field name="to" type="date" label={t.common.to} value={filter.to} />
      <div class="actions">
        <button type="submit">{t.common.apply}</button>
        <a href="/admin/audit">{t.common.reset}</a>
      </div>
    </form>
  );
}

/**
 * The audit log for admins: actions in words, people by name and e-mail; filters by action,
 * person and period, newest first, paged.
 */
export function AuditPage(props: {
  view: View;
  filter: AuditFilter;
  actions: string[];
  people: Map<string, Person>;
  page: { events: AuditEventRow[]; cursor: string | null; hasMore: boolean };
}) {
  const { view, page } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.audit.title}>
      <Filters view={view} filter={props.filter} actions={props.actions} />
      {page.events.length === 0 ? (
        <p>{t.audit.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.audit.at}</th>
                <th scope="col">{t.audit.action}</th>
                <th scope="col">{t.audit.actor}</th>
                <th scope="col">{t.audit.subject}</th>
                <th scope="col">{t.audit.address}</th>
                <th scope="col">{t.audit.details}</th>
              </tr>
            </thead>
            <tbody>
              {page.events.map((event) => (
                <tr data-action={event.action}>
                  <td>{formatTime(event.at)}</td>
                  <td>{actionLabel(view, event.action)}</td>
                  <td>
                    {event.actorUserId ? (
                      <PersonName view={view} id={event.actorUserId} people={props.people} />
                    ) : (
                      t.audit.systemActor
                    )}
                  </td>
                  <td>
                    <Subject view={view} event={event} people={props.people} />
                  </td>
                  <td>{event.ip ?? t.common.none}</td>
                  <td>
                    {event.details ? (
                      <AuditDetails
                        view={view}
                        details={event.details}
                        people={props.people}
                        personName={(id) => (
                          <PersonName view={view} id={id} people={props.people} />
                        )}
                      />
                    ) : (
                      t.common.none
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        view={view}
        cursor={page.cursor}
        hasMore={page.hasMore}
        nextLabel={t.audit.older}
        firstLabel={t.audit.newest}
      />
    </Layout>
  );
}
