import { labelOf, type Vocabulary } from '#shared/labels';
import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';

type Props<Code extends string> = {
  name: string;
  label: MessageKey;
  vocabulary: Vocabulary<Code>;
  codes: readonly Code[];
  value: Code;
  onChange: (value: Code) => void;
  /** The value is a suggestion (the last report's), not yet confirmed by the analyst. */
  suggested?: boolean;
  error?: MessageKey;
};

/** A single choice among the codes of a vocabulary, labelled in the UI language. */
export function VocabularySelect<Code extends string>(props: Props<Code>) {
  const locale = uiLocale();
  return (
    <div class="field">
      <label for={fieldId(props.name)}>{t(props.label)}</label>
      <select
        id={fieldId(props.name)}
        name={props.name}
        class={props.suggested ? 'suggested' : undefined}
        title={props.suggested ? t('suggestionMarkTitle') : undefined}
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value as Code)}
        {...errorAttributes(props.name, props.error)}
      >
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {labelOf(props.vocabulary, code, locale)}
          </option>
        ))}
      </select>
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}
