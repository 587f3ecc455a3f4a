/** @jsxImportSource hono/jsx */
import type { MaterialSummary, MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import type { SavedFilter } from '#shared/schemas/triage';
import { queueQueryString } from '../../features/review/saved-filters';
import { formatTime } from '../components/format';
import { Field, Notice, Select } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { OverdueBanner } from '../notices/notices-page';
import { REVIEW_KEYS_URL } from '../static-files';
import type { View } from '../view';
import { label, optionsOf } from '../vocabulary';
import { BlockingExportForm } from './blocking-export-form';
import { EvidenceThumbs, StatusBadge } from './evidence-thumbs';
import {
  BulkDecisionForm,
  ClaimText,
  KeyboardHelp,
  SavedFilters,
  SELECTION_FORM,
  SortFields,
  SortHeader,
} from './queue-triage';

function Filters(props: { view: View; filter: MaterialsQuery }) {
  const { view, filter } = props;
  const { t, lang } = view;
  return (
    <form method="get" action="/review" class="filters" aria-label={t.review.filters}>
      <Select
        name="status"
        label={t.review.status}
        value={filter.status}
        anyLabel={t.common.any}
        options={optionsOf('status', lang)}
      />
      <Select
        name="topic"
        label={t.review.topic}
        value={filter.topic}
        anyLabel={t.common.any}
        options={optionsOf('topic', lang)}
      />
      <Select
        name="language"
        label={t.review.language}
        value={filter.language}
        anyLabel={t.common.any}
        options={optionsOf('language', lang)}
      />
      <Select
        name="region"
        label={t.review.region}
        value={filter.region}
        anyLabel={t.common.any}
        options={optionsOf('region', lang)}
      />
      <Field name="q" type="search" label={t.review.search} value={filter.q} maxlength={200} />
      <Field name="domain" label={t.relations.domainFilter} value={filter.domain} maxlength={253} />
      <Select
        name="mirror"
        label={t.relations.mirrorFilter}
        value={filter.mirror}
        anyLabel={t.common.any}
        options={[{ value: 'true', label: t.relations.mirrorsOnly }]}
      />
      <Select
        name="withdrawn"
        label={t.review.show}
        value={filter.withdrawn}
        anyLabel={t.review.live}
        options={[{ value: 'true', label: t.review.withdrawnOnly }]}
      />
      <SortFields view={view} filter={filter} />
      <div class="actions">
        <button type="submit">{t.common.apply}</button>
        <a href="/review">{t.common.reset}</a>
      </div>
    </form>
  );
}

const labels = (view: View, name: 'topic' | 'language' | 'region', codes: string[]) =>
  codes.length === 0 ? view.t.common.none : codes.map((c) => label(name, c, view.lang)).join(', ');

/** The reviewers' queue: one row per material, with filters, sorting, claims and a selection. */
export function QueuePage(props: {
  view: View;
  filter: MaterialsQuery;
  page: MaterialsPage;
  /** Overdue notices, escalated at the top of the queue. */
  overdue: number;
  savedFilters: SavedFilter[];
  notice?: { kind: 'error' | 'success'; text: string };
}) {
  const { view, page, filter } = props;
  const { t } = view;
  const query = queueQueryString(filter);
  return (
    <Layout view={view} title={t.review.title} script={REVIEW_KEYS_URL}>
      {props.notice && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <OverdueBanner view={view} count={props.overdue} />
      <p class="lead">{t.review.intro}</p>
      <p class="actions">
        <a href={query ? `/review/next?${query}` : '/review/next'} data-key="next">
          {t.triage.takeNext}
        </a>{' '}
        <KeyboardHelp view={view} page="queue" />
      </p>
      <BlockingExportForm view={view} />
      <SavedFilters view={view} filters={props.savedFilters} query={query} />
      <Filters view={view} filter={filter} />
      {page.materials.length === 0 ? (
        <p>{t.review.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    data-select-all
                    data-needs-script
                    hidden
                    aria-label={t.triage.selectAll}
                  />
                </th>
                <SortHeader view={view} filter={filter} sort="title">
                  {t.review.material}
                </SortHeader>
                <th scope="col">{t.review.topics}</th>
                <th scope="col">{t.review.languages}</th>
                <th scope="col">{t.review.regions}</th>
                <SortHeader view={view} filter={filter} sort="reports" class="num">
                  {t.review.reports}
                </SortHeader>
                <SortHeader view={view} filter={filter} sort="status">
                  {t.review.status}
                </SortHeader>
                <th scope="col">{t.triage.claimedBy}</th>
                <th scope="col">{t.review.evidence}</th>
                <SortHeader view={view} filter={filter} sort="updated">
                  {t.review.updated}
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {page.materials.map((material) => (
                <QueueRow view={view} material={material} query={query} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.materials.length > 0 && <BulkDecisionForm view={view} />}
      <Pager view={view} cursor={page.cursor} hasMore={page.hasMore} />
    </Layout>
  );
}

function QueueRow(props: { view: View; material: MaterialSummary; query: string }) {
  const { view, material } = props;
  const { t } = view;
  const name = material.title || material.url;
  const href = `/review/materials/${material.id}${props.query ? `?${props.query}` : ''}`;
  return (
    <tr data-material={material.id}>
      <td>
        <input
          type="checkbox"
          name="material"
          value={material.id}
          form={SELECTION_FORM}
          data-select
          aria-label={t.triage.select(name)}
        />
        <input
          type="hidden"
          name={`version-${material.id}`}
          value={String(material.version)}
          form={SELECTION_FORM}
        />
      </td>
      <td class="material">
        <a href={href} class="title">
          {name}
        </a>
        <br />
        <span class="url meta">{material.url}</span>
      </td>
      <td>{labels(view, 'topic', material.topics)}</td>
      <td>{labels(view, 'language', material.languages)}</td>
      <td>{labels(view, 'region', material.regions)}</td>
      <td class="num">{material.reportCount}</td>
      <td>
        <StatusBadge status={material.status} label={label('status', material.status, view.lang)} />
        {material.withdrawn && (
          <>
            {' '}
            <span class="badge withdrawn">{t.review.withdrawn}</span>
          </>
        )}
        {material.possibleMirrorOf && (
          <>
            {' '}
            <a
              class="badge mirror"
              data-mirror-of={material.possibleMirrorOf}
              href={`/review/materials/${material.possibleMirrorOf}`}
            >
              {t.relations.mirrorBadge(`#${material.possibleMirrorOf.slice(-6)}`)}
            </a>
          </>
        )}
      </td>
      <td>
        <ClaimText view={view} claim={material.claim} />
      </td>
      <td>
        <EvidenceThumbs view={view} evidence={material.evidence} />
      </td>
      <td>{formatTime(material.updatedAt)}</td>
    </tr>
  );
}
