/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { FORM_TOKEN_FIELD } from '../../features/web-session/form-token';
import type { View } from '../view';

/** A state-changing form: POST, with the session's synchronizer token. */
export function PostForm(props: {
  view: View;
  action: string;
  multipart?: boolean;
  class?: string;
  id?: string;
  children?: Child;
}) {
  return (
    <form
      method="post"
      action={props.action}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      class={props.class}
      id={props.id}
    >
      <input type="hidden" name={FORM_TOKEN_FIELD} value={props.view.formToken} />
      {props.children}
    </form>
  );
}

/** Errors by field name, as a form shows them next to each field. */
export type FieldErrors = Partial<Record<string, string>>;

type FieldProps = {
  name: string;
  label: string;
  errors?: FieldErrors;
  hint?: string;
  required?: boolean;
};

const describedBy = (props: FieldProps) =>
  [props.hint ? `${props.name}-hint` : '', props.errors?.[props.name] ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ') || undefined;

function Help(props: FieldProps) {
  const error = props.errors?.[props.name];
  return (
    <>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${props.name}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

/** A labelled input with its hint and its error. */
export function Field(
  props: FieldProps & {
    type?: string;
    value?: string;
    autocomplete?: string;
    multiple?: boolean;
    accept?: string;
    maxlength?: number;
    minlength?: number;
  },
) {
  return (
    <div class={props.errors?.[props.name] ? 'field invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autocomplete={props.autocomplete}
        multiple={props.multiple}
        accept={props.accept}
        maxlength={props.maxlength}
        minlength={props.minlength}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <Help {...props} />
    </div>
  );
}

/** A labelled multi-line text field. */
export function TextArea(
  props: FieldProps & { value?: string; rows?: number; maxlength?: number; lang?: string },
) {
  return (
    <div class={props.errors?.[props.name] ? 'field invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.maxlength}
        lang={props.lang}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value ?? ''}
      </textarea>
      <Help {...props} />
    </div>
  );
}

/** A labelled choice among options; an empty `anyLabel` option stands for "no filter". */
export function Select(
  props: FieldProps & {
    value?: string;
    options: readonly { value: string; label: string }[];
    anyLabel?: string;
  },
) {
  return (
    <div class={props.errors?.[props.name] ? 'field invalid' : 'field'}>
      <label for={props.name}>{props.label}</label>
      <select
        id={props.name}
        name={props.name}
        required={props.required}
        aria-describedby={describedBy(props)}
      >
        {props.anyLabel !== undefined && <option value="">{props.anyLabel}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Help {...props} />
    </div>
  );
}

/** A labelled checkbox with its error. */
export function Checkbox(
  props: FieldProps & { checked?: boolean; value?: string; children?: Child },
) {
  return (
    <div class={props.errors?.[props.name] ? 'field check invalid' : 'field check'}>
      <input
        id={props.name}
        name={props.name}
        type="checkbox"
        value={props.value ?? 'true'}
        checked={props.checked}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
      <label for={props.name}>{props.label}</label>
      <Help {...props} />
    </div>
  );
}

/** A message at the top of a form or page. */
export function Notice(props: { kind: 'error' | 'success' | 'info'; children?: Child }) {
  return (
    <p class={`notice ${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </p>
  );
}
