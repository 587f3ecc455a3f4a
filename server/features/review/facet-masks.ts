import { createHash } from 'node:crypto';
import {
  KZ_REGION_CODES,
  LANGUAGE_CODES,
  RESOURCE_TYPE_CODES,
  TOPIC_CODES,
} from '#shared/taxonomy';

/** The taxonomy vocabularies the read model keeps as bit masks (each has at most 31 codes). */
export const FACET_CODES = {
  topic: TOPIC_CODES,
  language: LANGUAGE_CODES,
  region: KZ_REGION_CODES,
  resourceType: RESOURCE_TYPE_CODES,
} as const;
export type Facet = keyof typeof FACET_CODES;
export const FACETS = Object.keys(FACET_CODES) as Facet[];

/** The mask of a list of codes; codes the vocabulary no longer has are left out. */
export function maskOf(facet: Facet, codes: readonly (string | null)[]): number {
  const vocabulary: readonly string[] = FACET_CODES[facet];
  let mask = 0;
  for (const code of codes) {
    const bit = code === null ? -1 : vocabulary.indexOf(code);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/** The codes of a mask, in vocabulary order. */
export function codesOfMask<F extends Facet>(
  facet: F,
  mask: number,
): (typeof FACET_CODES)[F][number][] {
  return FACET_CODES[facet].filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** Identifies the vocabularies: masks made with other ones must be rebuilt. */
export function vocabularyFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(FACET_CODES)).digest('hex').slice(0, 16);
}
