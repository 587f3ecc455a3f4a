import type { z } from 'zod';
import { LIMITS, type ReportInput, reportInputSchema } from '#shared/schemas/report';
import type { MessageKey } from '../i18n/i18n';
import type { FormTarget, FormValues } from './values';
import { reportFromForm } from './values';

/** The inputs of the form an error can be shown next to; `page` is the captured URL and title. */
export type FormField =
  | 'page'
  | 'resourceType'
  | 'languages'
  | 'country'
  | 'region'
  | 'locality'
  | 'openness'
  | 'availability'
  | 'topics'
  | 'note'
  | 'basisDocumentId';

/** One message per field, the first problem the shared schema found there. */
export type FieldErrors = Partial<Record<FormField, MessageKey>>;

export type Validation = { ok: true; report: ReportInput } | { ok: false; errors: FieldErrors };

// Where a schema path points in the form.
const FIELD_OF_PATH: Record<string, FormField> = {
  url: 'page',
  title: 'page',
  source: 'page',
  capturedAt: 'page',
  id: 'page',
  evidence: 'page',
  resourceType: 'resourceType',
  languages: 'languages',
  'geography.country': 'country',
  'geography.region': 'region',
  'geography.locality': 'locality',
  geography: 'country',
  openness: 'openness',
  availability: 'availability',
  topics: 'topics',
  note: 'note',
  personalDataBasis: 'basisDocumentId',
  'personalDataBasis.documentId': 'basisDocumentId',
};

/** The message for a problem of a field, by the kind of problem zod reports. */
function messageFor(field: FormField, issue: z.core.$ZodIssue): MessageKey {
  const tooSmall = issue.code === 'too_small';
  const tooBig = issue.code === 'too_big';
  switch (field) {
    case 'languages':
      if (tooSmall) return 'errorLanguagesRequired';
      if (tooBig) return 'errorLanguagesTooMany';
      return 'errorLanguagesInvalid';
    case 'topics':
      if (tooSmall) return 'errorTopicsRequired';
      if (tooBig) return 'errorTopicsTooMany';
      return 'errorTopicsInvalid';
    case 'note':
      return 'errorNoteTooLong';
    case 'locality':
      return tooBig ? 'errorLocalityTooLong' : 'errorLocalityInvalid';
    case 'country':
      return 'errorCountryRequired';
    case 'region':
      return 'errorRegionOnlyKz';
    case 'basisDocumentId':
      return 'errorDocumentId';
    case 'page':
      return 'errorPageNotTaggable';
    default:
      return 'errorChooseValue';
  }
}

/** Judges the form with the shared report schema: the report, or a message per faulty field. */
export function validateForm(values: FormValues, target: FormTarget): Validation {
  const candidate = reportFromForm(values, target, LIMITS.titleLength);
  const parsed = reportInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, report: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((part) => typeof part === 'string').join('.');
    const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.split('.')[0] ?? ''] ?? 'page';
    errors[field] ??= messageFor(field, issue);
  }
  return { ok: false, errors };
}
