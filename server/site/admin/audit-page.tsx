/** @jsxImportSource hono/jsx */

import { formatTime } from '../components/format';
import { Field, Select } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import type { View } from '../view';
import type { AuditEventRow, AuditFilter } from './audit-query';

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
        options={props.actions.map((action) => ({ value: action, label: action }))}
      />
      <Field name="actor" label={t.audit.actor} value={filter.actor} maxlength={36} />
      <Field name="from" type="date" label={t.common.from} value={filter.from} />
      <Field name="to" type="date" label={t.common.to} value={filter.to} />
      <div class="actions">
        <button type="submit">{t.common.apply}</button>
        <a href="/admin/audit">{t.common.reset}</a>
      </div>
    </form>
  );
}

/** The audit log for admins: filters by action, actor and period, newest first, paged. */
export function AuditPage(props: {
  view: View;
  filter: AuditFilter;
  actions: string[];
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
                <tr>
                  <td>{formatTime(event.at)}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td class="hash">{event.actorUserId ?? t.common.none}</td>
                  <td class="hash">
                    {event.subjectType
                      ? `${event.subjectType} ${event.subjectId ?? ''}`
                      : t.common.none}
                  </td>
                  <td>{event.ip ?? t.common.none}</td>
                  <td class="hash">
                    {event.details ? JSON.stringify(event.details) : t.common.none}
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
