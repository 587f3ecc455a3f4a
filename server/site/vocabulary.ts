import { labelOf, type UiLocale, type Vocabulary } from '#shared/labels';
import { REVIEW_STATUSES } from '#shared/review-status';
import {
  AVAILABILITY,
  KZ_REGIONS,
  LANGUAGES,
  OPENNESS,
  RESOURCE_TYPES,
  TOPICS,
} from '#shared/taxonomy';

/** The vocabularies pages show codes of, by what the code is. */
export const VOCABULARIES = {
  topic: TOPICS,
  language: LANGUAGES,
  region: KZ_REGIONS,
  resourceType: RESOURCE_TYPES,
  status: REVIEW_STATUSES,
  openness: OPENNESS,
  availability: AVAILABILITY,
} satisfies Record<string, Vocabulary<string>>;
export type VocabularyName = keyof typeof VOCABULARIES;

/** A code's label in the page language (the code itself if unknown). */
export function label(name: VocabularyName, code: string, lang: UiLocale): string {
  return labelOf(VOCABULARIES[name] as Vocabulary<string>, code, lang);
}

/** Every code of a vocabulary with its label, in the vocabulary's order, for a select. */
export function optionsOf(name: VocabularyName, lang: UiLocale) {
  return Object.keys(VOCABULARIES[name]).map((code) => ({
    value: code,
    label: label(name, code, lang),
  }));
}
