/** @jsxImportSource hono/jsx */
import type { FollowThroughResponse } from '#shared/schemas/follow-through';
import { RECIPIENT_TYPES } from '#shared/schemas/notices';
import { RECHECK_OUTCOMES } from '#shared/schemas/rechecks';
import { BarChart } from '../components/bar-chart';
import { Notice } from '../components/forms';
import type { View } from '../view';

const hours = (view: View, value: number | null) =>
  value === null ? view.t.common.none : String(value);

/** What became of the materials and notices followed through: figures, a chart, two tables. */
export function FollowThroughSection(props: { view: View; stats: FollowThroughResponse }) {
  const { view, stats } = props;
  const t = view.t.stats.followThrough;
  const time = stats.timeToOutcome;
  const totals = RECHECK_OUTCOMES.map((outcome) => ({
    key: outcome,
    label: view.t.rechecks.outcomes[outcome],
    count: stats.rechecks.filter((r) => r.outcome === outcome).reduce((n, r) => n + r.count, 0),
  })).filter((p) => p.count > 0);
  const days = [...new Set(stats.rechecks.map((r) => r.day))];
  return (
    <section id="follow-through">
      <h2>{t.title}</h2>
      {stats.overdueNotices > 0 && (
        <Notice kind="error">
          {view.t.notices.overdueBanner(stats.overdueNotices)}{' '}
          <a href="/review/notices?status=overdue">{view.t.notices.showOverdue}</a>
        </Notice>
      )}
      <h3>{t.timeTitle}</h3>
      <dl class="facts" data-figures="time-to-outcome">
        <dt>{t.materials}</dt>
        <dd>{t.materialsValue(time.materials, time.blocked, time.removed)}</dd>
        <dt>{t.median}</dt>
        <dd>{hours(view, time.medianHours)}</dd>
        <dt>{t.p75}</dt>
        <dd>{hours(view, time.p75Hours)}</dd>
        <dt>{t.p90}</dt>
        <dd>{hours(view, time.p90Hours)}</dd>
        <dt>{t.max}</dt>
        <dd>{hours(view, time.maxHours)}</dd>
      </dl>
      <div class="charts">
        <BarChart
          id="recheck-outcomes"
          title={t.rechecksTitle}
          points={totals}
          tableCaption={view.t.stats.dataTable}
          columns={[view.t.rechecks.outcome, view.t.common.count]}
          emptyText={view.t.stats.noData}
        />
      </div>
      {days.length > 0 && (
        <div class="table-wrap">
          <table data-table="rechecks-by-day">
            <caption>{t.rechecksByDay}</caption>
            <thead>
              <tr>
                <th scope="col">{view.t.stats.day}</th>
                {RECHECK_OUTCOMES.map((o) => (
                  <th scope="col" class="num">
                    {view.t.rechecks.outcomes[o]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr>
                  <th scope="row">{day}</th>
                  {RECHECK_OUTCOMES.map((o) => (
                    <td class="num">
                      {stats.rechecks.find((r) => r.day === day && r.outcome === o)?.count ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t.complianceTitle}</h3>
      {stats.compliance.length === 0 ? (
        <p>{view.t.stats.noData}</p>
      ) : (
        <div class="table-wrap">
          <table data-table="compliance">
            <thead>
              <tr>
                <th scope="col">{view.t.notices.recipient}</th>
                <th scope="col" class="num">
                  {t.sent}
                </th>
                <th scope="col" class="num">
                  {t.complied}
                </th>
                <th scope="col" class="num">
                  {t.partly}
                </th>
                <th scope="col" class="num">
                  {t.refused}
                </th>
                <th scope="col" class="num">
                  {t.overdue}
                </th>
                <th scope="col" class="num">
                  {t.awaiting}
                </th>
                <th scope="col" class="num">
                  {t.rate}
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.compliance.map((r) => (
                <tr data-recipient={r.recipientId}>
                  <th scope="row">
                    {r.name} <span class="meta">({RECIPIENT_TYPES[r.type][view.lang]})</span>
                  </th>
                  <td class="num">{r.sent}</td>
                  <td class="num">{r.complied}</td>
                  <td class="num">{r.partlyComplied}</td>
                  <td class="num">{r.refused}</td>
                  <td class="num">{r.overdue}</td>
                  <td class="num">{r.awaiting}</td>
                  <td class="num">
                    {r.complianceRate === null
                      ? view.t.common.none
                      : `${Math.round(r.complianceRate * 100)} %`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
