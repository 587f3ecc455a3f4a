import { detectCards } from './card';
import { createClaims } from './claims';
import { detectEmails } from './email';
import { detectIbans } from './iban';
import { detectIdDocuments } from './id-document';
import { detectIins } from './iin';
import { detectMessengerPhones } from './messenger-phone';
import { findPhones } from './phone';
import type { Detector, Finding } from './types';

/**
 * Most specific first: a checksum or an "@" says more about a span than a pattern does, so a
 * valid IIN is never also a card and an IBAN's digits are never an IIN. Phones come last and
 * are not looked for where the others already found something.
 */
const BY_PRIORITY: readonly Detector[] = [
  detectIbans,
  detectEmails,
  detectMessengerPhones,
  detectIins,
  detectIdDocuments,
  detectCards,
];

// Every kind here needs a digit, except an e-mail address.
const DIGIT = /\d/;

/** Finds IINs, phones, e-mails, IBANs, cards and identity document numbers; no two overlap. */
export const detectNumbers: Detector = (text) => {
  if (!DIGIT.test(text)) return detectEmails(text);
  const claims = createClaims(text.length);
  const kept: Finding[] = [];
  for (const detect of BY_PRIORITY) {
    for (const finding of detect(text)) {
      if (claims.overlaps(finding.start, finding.end)) continue;
      claims.claim(finding.start, finding.end);
      kept.push(finding);
    }
  }
  kept.push(...findPhones(text, claims));
  return kept.sort((a, b) => a.start - b.start);
};
