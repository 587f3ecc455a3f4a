/** @jsxImportSource hono/jsx */
import { UI_LOCALES } from '#shared/labels';
import { BLOCKING_LIST_STATUSES } from '#shared/schemas/blocking-list';
import { Field, Select } from '../components/forms';
import { LANGUAGE_NAMES } from '../i18n';
import type { View } from '../view';

/** The blocking list's download: status, period, language of the labels, CSV or JSON. */
export function BlockingExportForm(props: { view: View }) {
  const { view } = props;
  const t = view.t.review.export;
  return (
    <details class="blocking-export">
      <summary>{view.t.review.blockingList}</summary>
      <form method="get" action="/review/blocking-list.csv" class="filters" aria-label={t.title}>
        <Select
          name="status"
          label={t.status}
          value="both"
          options={BLOCKING_LIST_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
        />
        <Field name="from" type="date" label={view.t.common.from} />
        <Field name="to" type="date" label={view.t.common.to} />
        <Select
          name="lang"
          label={t.language}
          value={view.lang}
          options={UI_LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
        <div class="actions">
          <button type="submit">CSV</button>{' '}
          <button type="submit" formaction="/review/blocking-list.json">
            JSON
          </button>
        </div>
      </form>
    </details>
  );
}
