import type { Context } from 'hono';
import type { z } from 'zod';
import { FORM_TOKEN_FIELD } from '../features/web-session/form-token';
import type { FieldErrors } from './components/forms';
import type { Strings } from './i18n';

/** The text fields of the posted form (first value of each), without the form token. */
export async function formValues(c: Context): Promise<Record<string, string>> {
  const form = await c.req.formData();
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (name === FORM_TOKEN_FIELD || typeof value !== 'string' || name in values) continue;
    values[name] = value;
  }
  return values;
}

type Issue = z.core.$ZodIssue;

/** A message for one field's validation issue, in the page's language. */
function messageOf(issue: Issue, raw: string | undefined, t: Strings): string {
  if (raw === undefined || raw.trim() === '') return t.errors.required;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? t.errors.tooShort(Number(issue.minimum))
        : t.errors.invalid;
    case 'too_big':
      return issue.origin === 'string' ? t.errors.tooLong(Number(issue.maximum)) : t.errors.invalid;
    case 'invalid_format':
      return issue.format === 'email' ? t.errors.invalidEmail : t.errors.invalid;
    default:
      return t.errors.invalid;
  }
}

/** The first issue of each field, as messages by field name. */
export function fieldErrorsOf(
  issues: readonly Issue[],
  raw: Record<string, string | undefined>,
  t: Strings,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (name && !errors[name]) errors[name] = messageOf(issue, raw[name], t);
  }
  return errors;
}

/** Parses form values with a schema: the data, or the errors to show next to the fields. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string | undefined>,
  t: Strings,
): { data: z.infer<S>; errors?: undefined } | { data?: undefined; errors: FieldErrors } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { data: parsed.data };
  return { errors: fieldErrorsOf(parsed.error.issues, raw, t) };
}
