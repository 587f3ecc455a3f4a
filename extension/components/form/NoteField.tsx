import type { Finding } from '#shared/personal-data/types';
import { FORM_LIMITS } from '@/lib/form/limits';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';
import { FoundPersonalData } from './FoundPersonalData';

type Props = {
  value: string;
  onChange: (note: string) => void;
  findings: readonly Finding[];
  error?: MessageKey;
  /** Ctrl+Enter (⌘+Enter) in the note saves, as Enter does elsewhere in the form. */
  onSubmitShortcut: () => void;
};

/**
 * The note: no hard length cut (a paste must not silently lose text), a counter, and the
 * personal-data warning as the analyst types.
 */
export function NoteField({ value, onChange, findings, error, onSubmitShortcut }: Props) {
  const over = value.length > FORM_LIMITS.noteLength;
  return (
    <div class="field">
      <label for={fieldId('note')}>{t('noteLabel')}</label>
      <textarea
        id={fieldId('note')}
        name="note"
        rows={3}
        value={value}
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSubmitShortcut();
          }
        }}
        {...errorAttributes('note', error)}
      />
      <p class={over ? 'counter field-error' : 'counter muted'} aria-live="polite">
        {t('characterCount', [String(value.length), String(FORM_LIMITS.noteLength)])}
      </p>
      <FieldError name="note" error={error} />
      <FoundPersonalData text={value} findings={findings} field="note" />
    </div>
  );
}
