/** @jsxImportSource hono/jsx */
import type { MaterialsPage, MaterialsQuery } from '#shared/schemas/review';
import { formatTime } from '../components/format';
import { Field, Select } from '../components/forms';
import { Layout } from '../components/layout';
import { Pager } from '../components/pager';
import { OverdueBanner } from '../notices/notices-page';
import type { View } from '../view';
import { label, optionsOf } from '../vocabulary';
import { BlockingExportForm } from './blocking-export-form';
import { EvidenceThumbs, StatusBadge } from './evidence-thumbs';

type Filter = Partial<
  Pick<
    MaterialsQuery,
    'status' | 'topic' | 'language' | 'region' | 'q' | 'withdrawn' | 'domain' | 'mirror'
  >
>;

function Filters(props: { view: View; filter: Filter }) {
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
      <div class="actions">
        <button type="submit">{t.common.apply}</button>
        <a href="/review">{t.common.reset}</a>
      </div>
    </form>
  );
}

const labels = (view: View, name: 'topic' | 'language' | 'region', codes: string[]) =>
  codes.length === 0 ? view.t.common.none : codes.map((c) => label(name, c, view.lang)).join(', ');

/** The reviewers' queue: one row per material, with filters and search. */
export function QueuePage(props: {
  view: View;
  filter: Filter;
  page: MaterialsPage;
  /** Overdue notices, escalated at the top of the queue. */
  overdue: number;
}) {
  const { view, page } = props;
  const { t } = view;
  return (
    <Layout view={view} title={t.review.title}>
      <OverdueBanner view={view} count={props.overdue} />
      <p class="lead">{t.review.intro}</p>
      <BlockingExportForm view={view} />
      <Filters view={view} filter={props.filter} />
      {page.materials.length === 0 ? (
        <p>{t.review.empty}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t.notices.create}</span>
                </th>
                <th scope="col">{t.review.material}</th>
                <th scope="col">{t.review.topics}</th>
                <th scope="col">{t.review.languages}</th>
                <th scope="col">{t.review.regions}</th>
                <th scope="col" class="num">
                  {t.review.reports}
                </th>
                <th scope="col">{t.review.status}</th>
                <th scope="col">{t.review.evidence}</th>
                <th scope="col">{t.review.updated}</th>
              </tr>
            </thead>
            <tbody>
              {page.materials.map((material) => (
                <tr data-material={material.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="material"
                      value={material.id}
                      form="notice-selection"
                      aria-label={t.notices.selectForNotice(material.title || material.url)}
                    />
                  </td>
                  <td>
                    <a href={`/review/materials/${material.id}`} class="title">
                      {material.title || material.url}
                    </a>
                    <br />
                    <span class="url meta">{material.url}</span>
                  </td>
                  <td>{labels(view, 'topic', material.topics)}</td>
                  <td>{labels(view, 'language', material.languages)}</td>
                  <td>{labels(view, 'region', material.regions)}</td>
                  <td class="num">{material.reportCount}</td>
                  <td>
                    <StatusBadge
                      status={material.status}
                      label={label('status', material.status, view.lang)}
                    />
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
                    <EvidenceThumbs view={view} evidence={material.evidence} />
                  </td>
                  <td>{formatTime(material.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.materials.length > 0 && (
        <form id="notice-selection" method="get" action="/review/notices/new">
          <button type="submit">{t.notices.createFromSelection}</button>
        </form>
      )}
      <Pager view={view} cursor={page.cursor} hasMore={page.hasMore} />
    </Layout>
  );
}
