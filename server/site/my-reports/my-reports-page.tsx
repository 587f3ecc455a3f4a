/** @jsxImportSource hono/jsx */
import type {
  OwnReport,
  OwnReportsFilter,
  OwnReportsPage,
} from '../../features/my-reports/own-reports';
import { formatTime } from '../components/format';
import { Field, Select } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { StatusBadge } from '../review/evidence-thumbs';
import type { View } from '../view';
import { label, optionsOf } from '../vocabulary';

function Filters(props: { view: View; filter: OwnReportsFilter }) {
  const { view, filter } = props;
  const { t, lang } = view;
  const m = t.myReports;
  return (
    <form method="get" action="/my-reports" class="filters" aria-label={t.review.filters}>
      <Field name="q" type="search" label={m.search} value={filter.q} maxlength={200} />
      <Select
        name="topic"
        label={m.topic}
        value={filter.topic}
        anyLabel={t.common.any}
        options={optionsOf('topic', lang)}
      />
      <Select
        name="status"
        label={m.status}
        value={filter.status}
        anyLabel={t.common.any}
        options={optionsOf('status', lang)}
      />
      <Field name="from" type="date" label={m.from} value={filter.from} />
      <Field name="to" type="date" label={m.to} value={filter.to} />
      <div class="actions">
        <button type="submit">{t.common.apply}</button>
        <a href="/my-reports">{t.common.reset}</a>
      </div>
    </form>
  );
}

function ReportCard(props: { view: View; report: OwnReport }) {
  const { view, report } = props;
  const { t, lang } = view;
  return (
    <article class="report own-report" data-report={report.id}>
      <h3>{report.title || report.url}</h3>
      <p class="url meta">{report.url}</p>
      <dl class="facts">
        <dt>{t.myReports.statusLabel}</dt>
        <dd>
          <StatusBadge status={report.status} label={label('status', report.status, lang)} />
        </dd>
        <dt>{t.myReports.topics}</dt>
        <dd>{report.topics.map((code) => label('topic', code, lang)).join(', ')}</dd>
        <dt>{t.myReports.sentAt}</dt>
        <dd>{formatTime(report.createdAt)}</dd>
        {report.note && (
          <>
            <dt>{t.material.note}</dt>
            <dd class="note">{report.note}</dd>
          </>
        )}
        {report.reporterComment && (
          <>
            <dt>{t.myReports.reviewerComment}</dt>
            <dd class="note">{report.reporterComment}</dd>
          </>
        )}
      </dl>
    </article>
  );
}

/** An analyst's own reports: searchable, filtered, each with what the reviewers decided. */
export function MyReportsPage(props: {
  view: View;
  filter: OwnReportsFilter;
  page: OwnReportsPage;
  /** Whether the analyst has sent any report at all (to tell "none yet" from "none match"). */
  filtered: boolean;
}) {
  const { view, page } = props;
  const m = view.t.myReports;
  return (
    <Layout view={view} title={m.title}>
      <p class="lead">{m.intro}</p>
      <Filters view={view} filter={props.filter} />
      {page.total === 0 ? (
        <p>{props.filtered ? m.empty : m.none}</p>
      ) : (
        <>
          <p class="meta">{m.count(page.total)}</p>
          {page.reports.map((report) => (
            <ReportCard view={view} report={report} />
          ))}
        </>
      )}
      <Pager
        view={view}
        cursor={page.cursor}
        hasMore={page.hasMore}
        nextLabel={m.more}
        firstLabel={m.first}
      />
    </Layout>
  );
}
