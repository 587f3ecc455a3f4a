import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, validationError } from '../../http/errors';

/** A multipart body split into its text fields and its files, each by field name. */
export type MultipartForm = { fields: Map<string, string[]>; files: Map<string, File[]> };

const invalid = (message: string) => new ApiError('validation_failed', message);

/** Reads a multipart/form-data body: unsupported_media_type for another type, validation_failed if malformed. */
export async function readMultipart(c: Context): Promise<MultipartForm> {
  if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    throw new ApiError('unsupported_media_type', 'Send multipart/form-data.');
  }
  let body: FormData;
  try {
    body = await c.req.raw.formData();
  } catch {
    throw invalid('The multipart body is malformed.');
  }
  const form: MultipartForm = { fields: new Map(), files: new Map() };
  for (const [name, value] of body) {
    if (typeof value === 'string') {
      form.fields.set(name, [...(form.fields.get(name) ?? []), value]);
    } else if (value.name !== '' || value.size > 0) {
      // A browser sends an empty, nameless part for a file input left empty: that is no file.
      form.files.set(name, [...(form.files.get(name) ?? []), value]);
    }
  }
  return form;
}

/** The text fields the schema names, each given once and as text (not as a file), validated. */
export function formFields<S extends z.ZodObject>(form: MultipartForm, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const name of Object.keys(schema.shape)) {
    if (form.files.has(name)) throw invalid(`"${name}" must be a text field, not a file.`);
    const values = form.fields.get(name) ?? [];
    if (values.length > 1) throw invalid(`"${name}" must be given once.`);
    if (values[0] !== undefined) raw[name] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** The files of one field, min to max of them; files under any other name are refused. */
export function formFiles(
  form: MultipartForm,
  name: string,
  count: { min: number; max: number },
): File[] {
  if (form.fields.has(name)) throw invalid(`"${name}" must be sent as files.`);
  for (const other of form.files.keys()) {
    if (other !== name) throw invalid(`Unexpected file field "${other.slice(0, 50)}".`);
  }
  const files = form.files.get(name) ?? [];
  if (files.length < count.min || files.length > count.max) {
    throw invalid(`Send ${count.min}–${count.max} file(s) as "${name}".`);
  }
  return files;
}
