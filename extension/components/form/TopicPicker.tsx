import { useMemo, useState } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { TOPIC_CODES, TOPICS, type Topic } from '#shared/taxonomy';
import { FORM_LIMITS } from '@/lib/form/limits';
import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';

type Props = {
  value: Topic[];
  onChange: (topics: Topic[]) => void;
  /** The analyst's most used topics, listed first. */
  frequent: readonly Topic[];
  /** Offered as one-click chips, never ticked for the analyst (the last used, the frequent). */
  offers: readonly Topic[];
  error?: MessageKey;
};

/** Whether a topic's label (in any UI language) or code contains the query. */
function matches(topic: Topic, query: string): boolean {
  if (!query) return true;
  const labels = TOPICS[topic];
  return [topic, labels.ru, labels.kk, labels.en].some((text) =>
    text.toLocaleLowerCase().includes(query),
  );
}

/**
 * Topics, 1–5, as a filterable list that stays small: the chosen ones as removable chips, the
 * analyst's frequent ones on top. Enter in the filter picks the first match.
 */
export function TopicPicker({ value, onChange, frequent, offers, error }: Props) {
  const locale = uiLocale();
  const [query, setQuery] = useState('');
  const ordered = useMemo(
    () => [...frequent, ...TOPIC_CODES.filter((topic) => !frequent.includes(topic))],
    [frequent],
  );
  const needle = query.trim().toLocaleLowerCase();
  const visible = ordered.filter((topic) => matches(topic, needle));
  const full = value.length >= FORM_LIMITS.maxTopics;
  const offered = full ? [] : offers.filter((topic) => !value.includes(topic));

  const toggle = (topic: Topic) =>
    onChange(value.includes(topic) ? value.filter((x) => x !== topic) : [...value, topic]);

  function onFilterKey(event: KeyboardEvent) {
    if (event.key !== 'Enter' || !needle) return;
    event.preventDefault();
    const first = visible.find((topic) => !value.includes(topic));
    if (first && !full) toggle(first);
    setQuery('');
  }

  return (
    <fieldset class="field topics" {...errorAttributes('topics', error)}>
      <legend>
        {t('topicsLabel')} <span class="muted">{t('upToFive')}</span>
      </legend>
      {value.length > 0 && (
        <div class="chips">
          {value.map((topic) => (
            <button
              type="button"
              class="chip"
              key={topic}
              onClick={() => toggle(topic)}
              aria-label={t('removeItem', labelOf(TOPICS, topic, locale))}
            >
              {labelOf(TOPICS, topic, locale)} <span aria-hidden="true">×</span>
            </button>
          ))}
        </div>
      )}
      {offered.length > 0 && (
        <div class="chips offers" data-testid="topic-offers">
          <span class="muted">{t('topicOffers')}</span>
          {offered.map((topic) => (
            <button
              type="button"
              class="chip offer"
              key={topic}
              data-topic={topic}
              onClick={() => toggle(topic)}
              aria-label={t('addItem', labelOf(TOPICS, topic, locale))}
            >
              <span aria-hidden="true">+</span> {labelOf(TOPICS, topic, locale)}
            </button>
          ))}
        </div>
      )}
      <input
        id={fieldId('topics')}
        type="search"
        class="filter"
        value={query}
        placeholder={t('topicFilterPlaceholder')}
        aria-label={t('topicFilterPlaceholder')}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={onFilterKey}
      />
      <div class="topic-list">
        {ordered.map((topic) => (
          <label key={topic} hidden={!visible.includes(topic)}>
            <input
              type="checkbox"
              name="topic"
              value={topic}
              checked={value.includes(topic)}
              disabled={full && !value.includes(topic)}
              onChange={() => toggle(topic)}
            />
            {labelOf(TOPICS, topic, locale)}
          </label>
        ))}
        {visible.length === 0 && <p class="muted">{t('nothingFound')}</p>}
      </div>
      <FieldError name="topics" error={error} />
    </fieldset>
  );
}
