import { labelOf } from '#shared/labels';
import { REVIEW_STATUS_CODES } from '#shared/review-status';
import { TOPIC_CODES, TOPICS, type Topic } from '#shared/taxonomy';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { ReportFilter } from '@/lib/storage/report-search';

type Props = { value: ReportFilter; onChange: (filter: ReportFilter) => void };

const DAY_MS = 86_400_000;
const dayStart = (input: string) => (input ? Date.parse(`${input}T00:00:00`) : undefined);
const dayInput = (ms: number | undefined) =>
  ms === undefined
    ? ''
    : new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** Search and filters of the analyst's own reports: text, topic, status, tagging dates. */
export function ReportFilters({ value, onChange }: Props) {
  const locale = uiLocale();
  const set = (change: Partial<ReportFilter>) => onChange({ ...value, ...change });
  return (
    <div class="report-filters" data-testid="report-filters">
      <input
        type="search"
        name="reportSearch"
        class="wide"
        value={value.text ?? ''}
        placeholder={t('searchReports')}
        aria-label={t('searchReports')}
        onInput={(event) => set({ text: event.currentTarget.value })}
      />
      <select
        name="topicFilter"
        aria-label={t('topicsLabel')}
        value={value.topic ?? ''}
        onChange={(event) => set({ topic: (event.currentTarget.value || undefined) as Topic })}
      >
        <option value="">{t('filterTopicAll')}</option>
        {TOPIC_CODES.map((topic) => (
          <option key={topic} value={topic}>
            {labelOf(TOPICS, topic, locale)}
          </option>
        ))}
      </select>
      <select
        name="statusFilter"
        aria-label={t('filterStatusAll')}
        value={value.status ?? ''}
        onChange={(event) =>
          set({ status: (event.currentTarget.value || undefined) as ReportFilter['status'] })
        }
      >
        <option value="">{t('filterStatusAll')}</option>
        <option value="waiting">{t('statePending')}</option>
        <option value="refused">{t('stateRejected')}</option>
        {REVIEW_STATUS_CODES.map((status) => (
          <option key={status} value={status}>
            {t(`outcome_${status}`)}
          </option>
        ))}
      </select>
      <label>
        {t('filterFrom')}{' '}
        <input
          type="date"
          name="fromFilter"
          value={dayInput(value.from)}
          onChange={(event) => set({ from: dayStart(event.currentTarget.value) })}
        />
      </label>
      <label>
        {t('filterTo')}{' '}
        <input
          type="date"
          name="toFilter"
          value={dayInput(value.to === undefined ? undefined : value.to - DAY_MS + 1)}
          onChange={(event) => {
            const start = dayStart(event.currentTarget.value);
            set({ to: start === undefined ? undefined : start + DAY_MS - 1 });
          }}
        />
      </label>
      <button type="button" class="link" onClick={() => onChange({})}>
        {t('filterClear')}
      </button>
    </div>
  );
}
