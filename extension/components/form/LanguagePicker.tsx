import { labelOf } from '#shared/labels';
import { LANGUAGE_CODES, LANGUAGES, type Language } from '#shared/taxonomy';
import { FORM_LIMITS } from '@/lib/form/limits';
import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';

type Props = {
  value: Language[];
  onChange: (languages: Language[]) => void;
  /** Whether the current choice was suggested by the page rather than made by the analyst. */
  suggested: boolean;
  error?: MessageKey;
};

/** Content languages, 1–5: chips for the chosen ones and a list to add another. */
export function LanguagePicker({ value, onChange, suggested, error }: Props) {
  const locale = uiLocale();
  const remaining = LANGUAGE_CODES.filter((code) => !value.includes(code));
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
              if (code) onChange([...value, code]);
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
      {suggested && value.length > 0 && <p class="hint">{t('languagesSuggested')}</p>}
      <FieldError name="languages" error={error} />
    </fieldset>
  );
}
