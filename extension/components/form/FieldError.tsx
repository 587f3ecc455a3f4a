import { type MessageKey, t } from '@/lib/i18n/i18n';

/** The id of a form control, and of the error message that describes it. */
export const fieldId = (name: string) => `field-${name}`;
export const errorId = (name: string) => `field-${name}-error`;

/** The accessibility attributes of a control that may be in error. */
export function errorAttributes(name: string, error: MessageKey | undefined) {
  return error ? { 'aria-invalid': true, 'aria-describedby': errorId(name) } : {};
}

/** A field's validation message, in the UI language, next to the field. */
export function FieldError({ name, error }: { name: string; error: MessageKey | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={errorId(name)} data-testid={`error-${name}`}>
      {t(error)}
    </p>
  );
}
