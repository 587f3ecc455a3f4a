import { labelOf } from '#shared/labels';
import { LANGUAGE_CODES, LANGUAGES, type Language } from '#shared/taxonomy';
import { FORM_LIMITS } from '@/lib/form/limits';
import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';
import { SuggestionMark } from './SuggestionMark';

type Props = {
  value: Language[];
  onChange: (languages: Language[]) => void;
  /** Whether the current choice was suggested by the page rather than made by the analyst. */
  suggested: boolean;
  /** Offered as one-click chips while none is chosen (the last report's languages). */
  offers?: readonly Language[];
  error?: MessageKey;
};

/** `und` (nobody saw the content) stands alone: choosing a language replaces it, and back. */
function adding(value: Language[], code: Language): Language[] {
  if (code === 'und') return ['und'];
  return [...value.filter((x) => x !== 'und'), code];
}

/** Content languages, 1–5: chips for the chosen ones and a list to add another. */
export function LanguagePicker({ value, onChange, suggested, offers = [], error }: Props) {
  const locale = uiLocale();
  const remaining = LANGUAGE_CODES.filter((code) => !value.includes(code));
  const offered =
    value.length === 0 || value.includes('und') ? offers.filter((l) => !value.includes(l)) : [];
  return (
    <fieldset class="field" {...errorAttributes('languages', error)}>
      <legend>{t('languagesLabel')}</legend>
      <div class="chips">
        {value.map((code) => (
          <button
            type="button"
            class="chip"
            key={code}
            onClick={() => onChange(value.filter((x) => x !== code))}
            aria-label={t('removeItem', labelOf(LANGUAGES, code, locale))}
          >
            {labelOf(LANGUAGES, code, locale)} <span aria-hidden="true">×</span>
          </button>
        ))}
        {value.length < FORM_LIMITS.maxLanguages && (
          <select
            id={fieldId('languages')}
            class="add"
            value=""
            aria-label={t('addLanguage')}
            onChange={(event) => {
              const code = event.currentTarget.value as Language;
              if (code) onChange(adding(value, code));
            }}
          >
            <option value="">{t('addLanguage')}</option>
            {remaining.map((code) => (
              <option key={code} value={code}>
                {labelOf(LANGUAGES, code, locale)}
              </option>
            ))}
          </select>
        )}
      </div>
      {offered.length > 0 && (
        <div class="chips offers" data-testid="language-offers">
          <span class="muted">{t('languageOffers')}</span>
          {offered.map((code) => (
            <button
              type="button"
              class="chip offer"
              key={code}
              onClick={() => onChange(adding(value, code))}
              aria-label={t('addItem', labelOf(LANGUAGES, code, locale))}
            >
              <span aria-hidden="true">+</span> {labelOf(LANGUAGES, code, locale)}
            </button>
          ))}
        </div>
      )}
      {suggested && value.length > 0 && (
        <p class="hint" data-testid="languages-suggested">
          <SuggestionMark /> {t('languagesSuggested')}
        </p>
      )}
      <FieldError name="languages" error={error} />
    </fieldset>
  );
}
