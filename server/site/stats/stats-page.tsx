/** @jsxImportSource hono/jsx */
import type { FollowThroughResponse } from '#shared/schemas/follow-through';
import { NO_REGION, type StatsDimension, type StatsResponse } from '#shared/schemas/stats';
import { BarChart } from '../components/bar-chart';
import type { ChartPoint } from '../components/chart-frame';
import { Field, type FieldErrors } from '../components/forms';
import { Layout } from '../components/layout';
import { LineChart } from '../components/line-chart';
import type { View } from '../view';
import { label } from '../vocabulary';
import { FollowThroughSection } from './follow-through-section';

/** The dashboard's numbers: one breakdown per dimension for the chosen period. */
export type Dashboard = Record<StatsDimension, StatsResponse>;

function pointsOf(view: View, dimension: StatsDimension, stats: StatsResponse): ChartPoint[] {
  return stats.buckets.map(({ key, count }) => ({
    key,
    count,
    label:
      dimension === 'day'
        ? key
        : dimension === 'region' && key === NO_REGION
          ? view.t.stats.unknownRegion
          : label(dimension, key, view.lang),
  }));
}

/** The statistics dashboard: bar charts by each dimension and a line of reports per day. */
export function StatsPage(props: {
  view: View;
  period: { from?: string; to?: string };
  errors?: FieldErrors;
  dashboard: Dashboard;
  followThrough: FollowThroughResponse;
}) {
  const { view, dashboard } = props;
  const { t } = view;
  const bars: { dimension: Exclude<StatsDimension, 'day'>; title: string; column: string }[] = [
    { dimension: 'topic', title: t.stats.byTopic, column: t.review.topic },
    { dimension: 'language', title: t.stats.byLanguage, column: t.review.language },
    { dimension: 'resourceType', title: t.stats.byResourceType, column: t.material.resourceType },
    { dimension: 'region', title: t.stats.byRegion, column: t.review.region },
    { dimension: 'status', title: t.stats.byStatus, column: t.review.status },
  ];
  return (
    <Layout view={view} title={t.stats.title}>
      <form method="get" action="/stats" class="filters" aria-label={t.stats.period}>
        <Field
          name="from"
          type="date"
          label={t.common.from}
          value={props.period.from}
          errors={props.errors}
        />
        <Field
          name="to"
          type="date"
          label={t.common.to}
          value={props.period.to}
          errors={props.errors}
        />
        <div class="actions">
          <button type="submit">{t.common.apply}</button>
          <a href="/stats">{t.common.reset}</a>
        </div>
      </form>
      <p class="meta">{t.common.total(dashboard.day.total)}</p>
      <LineChart
        id="day"
        title={t.stats.perDay}
        points={pointsOf(view, 'day', dashboard.day)}
        tableCaption={t.stats.dataTable}
        columns={[t.stats.day, t.common.count]}
        emptyText={t.stats.noData}
      />
      <div class="charts">
        {bars.map((bar) => (
          <BarChart
            id={bar.dimension}
            title={bar.title}
            points={pointsOf(view, bar.dimension, dashboard[bar.dimension])}
            tableCaption={t.stats.dataTable}
            columns={[bar.column, t.common.count]}
            emptyText={t.stats.noData}
          />
        ))}
      </div>
      <FollowThroughSection view={view} stats={props.followThrough} />
    </Layout>
  );
}
