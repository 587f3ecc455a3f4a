import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AVAILABILITY_CODES,
  LANGUAGE_CODES,
  type Language,
  OPENNESS_CODES,
  RESOURCE_TYPE_CODES,
  TOPIC_CODES,
} from '#shared/taxonomy';
import { DEFAULT_FORM_VALUES } from './defaults';
import { validateForm } from './validation';
import { type FormTarget, type FormValues, initialFormValues } from './values';

const target: FormTarget = {
  reportId: '3f0e7a52-6a8b-4bde-9d55-2a0c8f1e4b77',
  url: 'https://example.kz/casino?utm_source=tg',
  title: 'Лучшее онлайн-казино',
  source: 'page',
  capturedAt: '2026-11-24T10:00:00.000Z',
};
const defaults: FormValues = {
  ...initialFormValues(DEFAULT_FORM_VALUES, { languages: ['ru'], geography: { country: 'KZ' } }),
  topics: ['gambling'],
};
const errorsOf = (change: Partial<FormValues>, where: Partial<FormTarget> = {}) => {
  const result = validateForm({ ...defaults, ...change }, { ...target, ...where });
  return result.ok ? {} : result.errors;
};

describe('validateForm', () => {
  it('accepts the form once a topic is chosen', () => {
    const result = validateForm(defaults, target);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.report).toMatchObject({ id: target.reportId, topics: ['gambling'] });
  });

  it('asks for a topic and a language the analyst has not chosen: none is ticked for them', () => {
    const first = initialFormValues(
      { ...DEFAULT_FORM_VALUES, topics: ['fraud'] },
      { languages: [] },
    );
    const result = validateForm(first, target);
    expect(result.ok ? {} : result.errors).toEqual({
      topics: 'errorTopicsRequired',
      languages: 'errorLanguagesRequired',
    });
  });

  it('takes `und` only alone: undetermined is not one language among others', () => {
    expect(errorsOf({ languages: ['und'] })).toEqual({});
    expect(errorsOf({ languages: ['und', 'ru'] })).toEqual({ languages: 'errorLanguagesInvalid' });
  });

  it('names each faulty field with its own message', () => {
    expect(errorsOf({ topics: [] })).toEqual({ topics: 'errorTopicsRequired' });
    expect(errorsOf({ topics: TOPIC_CODES.slice(0, 6) })).toEqual({ topics: 'errorTopicsTooMany' });
    expect(errorsOf({ topics: ['fraud', 'fraud'] })).toEqual({ topics: 'errorTopicsInvalid' });
    expect(errorsOf({ languages: [] })).toEqual({ languages: 'errorLanguagesRequired' });
    expect(errorsOf({ languages: LANGUAGE_CODES.slice(0, 6) })).toEqual({
      languages: 'errorLanguagesTooMany',
    });
    expect(errorsOf({ languages: ['ru', 'ru'] })).toEqual({ languages: 'errorLanguagesInvalid' });
    expect(errorsOf({ note: 'я'.repeat(2001) })).toEqual({ note: 'errorNoteTooLong' });
    expect(errorsOf({ locality: 'Ы'.repeat(101) })).toEqual({ locality: 'errorLocalityTooLong' });
    expect(errorsOf({ country: '' })).toEqual({ country: 'errorCountryRequired' });
    expect(errorsOf({ basisDocumentId: 'doc-17' })).toEqual({ basisDocumentId: 'errorDocumentId' });
    expect(errorsOf({ resourceType: 'blog' as never })).toEqual({
      resourceType: 'errorChooseValue',
    });
    expect(errorsOf({ openness: '' as never })).toEqual({ openness: 'errorChooseValue' });
    expect(errorsOf({ availability: 'maybe' as never })).toEqual({
      availability: 'errorChooseValue',
    });
  });

  it('blames the page for an address a report cannot carry', () => {
    expect(errorsOf({}, { url: 'chrome://settings' })).toEqual({ page: 'errorPageNotTaggable' });
    expect(errorsOf({}, { url: `https://e.kz/${'a'.repeat(2048)}` })).toEqual({
      page: 'errorPageNotTaggable',
    });
  });

  it('reports several faulty fields at once, one message each', () => {
    expect(errorsOf({ topics: [], languages: [], note: 'x'.repeat(2001) })).toEqual({
      topics: 'errorTopicsRequired',
      languages: 'errorLanguagesRequired',
      note: 'errorNoteTooLong',
    });
  });

  it('accepts any choice the form offers within the limits', () => {
    const some = <T>(codes: readonly T[]) =>
      fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.record({
          resourceType: fc.constantFrom(...RESOURCE_TYPE_CODES),
          // The picker keeps `und` alone: choosing it replaces the others.
          languages: fc.oneof(
            some(LANGUAGE_CODES.filter((code) => code !== 'und')),
            fc.constant<Language[]>(['und']),
          ),
          openness: fc.constantFrom(...OPENNESS_CODES),
          availability: fc.constantFrom(...AVAILABILITY_CODES),
          topics: some(TOPIC_CODES),
          note: fc.string({ maxLength: 2000 }),
          geoIndicated: fc.boolean(),
        }),
        (change) => {
          expect(validateForm({ ...defaults, ...change }, target).ok).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
