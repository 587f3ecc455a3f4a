/** @jsxImportSource hono/jsx */

import { REVIEW_STATUS_CODES } from '#shared/review-status';
import {
  DECISION_COMMENT_LENGTH,
  type MaterialSummary,
  type MaterialsQuery,
  QUEUE_SORTS,
  type QueueSort,
} from '#shared/schemas/review';
import type { SavedFilter } from '#shared/schemas/triage';
import { formatTime } from '../components/format';
import { PostForm, Select, TextArea } from '../components/forms';
import type { View } from '../view';
import { withQuery } from '../view';
import { label } from '../vocabulary';
import { LegalGroundFields } from './legal-ground-fields';
import { holderName } from './triage-texts';

/** The form the queue's checkboxes belong to (bulk decisions, and notices through a button). */
export const SELECTION_FORM = 'selection';

/** A column heading that sorts by it: descending first, the other way when already so. */
export function SortHeader(props: {
  view: View;
  filter: MaterialsQuery;
  sort: QueueSort;
  children: string;
  class?: string;
}) {
  const { view, filter, sort } = props;
  const active = filter.sort === sort;
  const dir = active && filter.dir !== 'asc' ? 'asc' : 'desc';
  const href = withQuery(view.url, { sort, dir, cursor: undefined });
  const ariaSort = active ? (filter.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" class={props.class} aria-sort={ariaSort}>
      <a href={href} title={view.t.triage.sortBy(props.children)}>
        {props.children}
        {active && (filter.dir === 'asc' ? ' ↑' : ' ↓')}
      </a>
    </th>
  );
}

/** The sort and direction fields of the filter form, so that a saved filter keeps them. */
export function SortFields(props: { view: View; filter: MaterialsQuery }) {
  const { t } = props.view;
  return (
    <>
      <Select
        name="sort"
        label={t.triage.sort}
        value={props.filter.sort}
        options={QUEUE_SORTS.map((s) => ({ value: s, label: t.triage.sorts[s] }))}
      />
      <Select
        name="dir"
        label={t.triage.direction}
        value={props.filter.dir}
        options={[
          { value: 'desc', label: t.triage.descending },
          { value: 'asc', label: t.triage.ascending },
        ]}
      />
    </>
  );
}

/** Who holds a material, since when; "nobody" otherwise. */
export function ClaimText(props: { view: View; claim: MaterialSummary['claim'] }) {
  const { t } = props.view;
  if (!props.claim) return <span class="meta">{t.triage.nobody}</span>;
  const name = holderName(t, props.claim);
  return <span class="claim">{t.triage.claimSince(name, formatTime(props.claim.since))}</span>;
}

/** The reviewer's saved filters (apply: a link; delete: a form) and the form to save this one. */
export function SavedFilters(props: { view: View; filters: SavedFilter[]; query: string }) {
  const { view, filters } = props;
  const { t } = view;
  return (
    <section class="saved-filters" aria-labelledby="saved-filters-title">
      <h2 id="saved-filters-title">{t.triage.savedFilters}</h2>
      {filters.length === 0 ? (
        <p class="meta">{t.triage.noSavedFilters}</p>
      ) : (
        <ul>
          {filters.map((filter) => (
            <li>
              <a href={filter.query ? `/review?${filter.query}` : '/review'}>{filter.name}</a>{' '}
              <PostForm view={view} action={`/review/filters/${filter.id}/delete`} class="inline">
                <button type="submit" class="link" aria-label={t.triage.deleteFilter(filter.name)}>
                  {t.triage.delete}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <PostForm view={view} action="/review/filters" class="inline-form">
        <input type="hidden" name="query" value={props.query} />
        <label for="filterName">{t.triage.filterName}</label>{' '}
        <input id="filterName" name="name" type="text" required maxlength={100} />{' '}
        <button type="submit">{t.triage.saveFilter}</button>
      </PostForm>
    </section>
  );
}

/**
 * The selection's form: one decision for every ticked material (each with the version shown in
 * its row), and a button that drafts a notice of them instead.
 */
export function BulkDecisionForm(props: { view: View }) {
  const { view } = props;
  const { t } = view;
  const targets = REVIEW_STATUS_CODES.filter((s) => s !== 'submitted');
  return (
    <section id="bulk-decision" aria-labelledby="bulk-title">
      <h2 id="bulk-title">{t.triage.bulkTitle}</h2>
      <p class="hint">{t.triage.bulkHint}</p>
      <PostForm view={view} action="/review/decisions" id={SELECTION_FORM}>
        <Select
          name="decision"
          label={t.triage.newStatus}
          required
          options={targets.map((s) => ({ value: s, label: label('status', s, view.lang) }))}
        />
        <TextArea
          name="comment"
          label={t.material.internalComment}
          rows={2}
          maxlength={DECISION_COMMENT_LENGTH}
        />
        <TextArea
          name="reporterComment"
          label={t.material.reporterComment}
          hint={t.material.reporterCommentHint}
          rows={2}
          maxlength={DECISION_COMMENT_LENGTH}
        />
        <LegalGroundFields view={view} topics={[]} />
        <div class="actions">
          <button type="submit">{t.triage.decideSelected}</button>
          <button type="submit" formaction="/review/selection/notice" formnovalidate>
            {t.notices.createFromSelection}
          </button>
        </div>
      </PostForm>
    </section>
  );
}

/** The shortcuts, listed for "?" (the script shows and hides this list). */
export function KeyboardHelp(props: { view: View; page: 'queue' | 'material' }) {
  const k = props.view.t.triage.keyboard;
  const keys: [string, string][] =
    props.page === 'queue'
      ? [
          ['j / ↓', k.nextRow],
          ['k / ↑', k.previousRow],
          ['o / Enter', k.open],
          ['x', k.toggle],
          ['n', k.nextMaterial],
          ['d', k.decide],
          ['?', k.help],
        ]
      : [
          ['j / n', k.nextMaterial],
          ['k', k.back],
          ['d', k.decide],
          ['e', k.evidence],
          ['c', k.claimKey],
          ['?', k.help],
        ];
  return (
    <>
      <button
        type="button"
        class="link keyboard-toggle"
        data-keyboard-help
        data-needs-script
        hidden
      >
        {k.show}
      </button>
      <section id="keyboard-help" class="keyboard-help" hidden aria-label={k.title}>
        <h2>{k.title}</h2>
        <dl>
          {keys.map(([key, what]) => (
            <>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </>
          ))}
        </dl>
        <button type="button" data-keyboard-help>
          {k.close}
        </button>
      </section>
    </>
  );
}
