import { t } from '@/lib/i18n/i18n';

/** Marks a pre-filled value as a suggestion: the analyst sees what was not their own choice. */
export function SuggestionMark() {
  return (
    <span class="suggestion-mark" title={t('suggestionMarkTitle')} data-testid="suggestion-mark">
      {t('suggestionMark')}
    </span>
  );
}
