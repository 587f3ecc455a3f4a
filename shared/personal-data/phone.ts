import { type Claims, NO_CLAIMS } from './claims';
import { hasContextBefore, isFollowedByUnit, labelBefore, standsAlone } from './number-context';
import { lookUpPhones } from './phone-lookup';
import { phoneShapedSpans, type Span } from './phone-shapes';
import type { Detector, Finding } from './types';

const PHONE_CONTEXT =
  /(?:тел|телефон\p{L}*|моб\p{L}*|сот\p{L}*|whats ?app|ватсап\p{L}*|вотсап\p{L}*|viber|вайбер\p{L}*|telegram|телеграм\p{L}*|звон\p{L}*|phone|tel|call|контакт\p{L}*|номер)\.?[\s:№#.-]*$/iu;
// Thousands grouping ("7 000 000 000") is an amount unless it starts with "+".
const THOUSANDS = /^\d{1,3}(?:[ \u00a0\u2009\u202f.,]\d{3})+$/;
const CONFIDENCE_WITHOUT_CONTEXT = 0.9;

/** "ИНН 7707083893", "Номер заказа …", "№ …", "ID …" label another number; "тел. № …" does not. */
function isLabelledAsOtherNumber(text: string, start: number): boolean {
  const label = labelBefore(text, start);
  return label !== null && !(label === 'sign' && hasContextBefore(text, start, PHONE_CONTEXT));
}

/** What the words and characters around a span say against its being a person's phone. */
function isContextAgainstPhone(text: string, span: Span): boolean {
  return (
    !standsAlone(text, span.start, span.end) ||
    isLabelledAsOtherNumber(text, span.start) ||
    isFollowedByUnit(text, span.end) ||
    THOUSANDS.test(text.slice(span.start, span.end))
  );
}

/**
 * Finds phone numbers, validated by libphonenumber's full metadata (invalid ranges are
 * rejected), Kazakhstan by default: "+7 701 234 56 78", "8 (727) 250-11-22", "+996 555 123 456".
 * Spans that other kinds already hold (`claims`) are not looked at.
 */
export function findPhones(text: string, claims: Claims = NO_CLAIMS): Finding[] {
  const spans = phoneShapedSpans(text).filter(
    (span) => !claims.overlaps(span.start, span.end) && !isContextAgainstPhone(text, span),
  );
  if (spans.length === 0) return [];
  const findings: Finding[] = [];
  for (const { service, ...span } of lookUpPhones(text, spans)) {
    // Hotlines and paid service numbers belong to organisations, not to persons.
    if (service || isContextAgainstPhone(text, span)) continue;
    const finding: Finding = { kind: 'phone', ...span };
    if (!text.startsWith('+', span.start) && !hasContextBefore(text, span.start, PHONE_CONTEXT)) {
      finding.confidence = CONFIDENCE_WITHOUT_CONTEXT;
    }
    findings.push(finding);
  }
  return findings;
}

/** Finds phone numbers in a text on their own (see findPhones). */
export const detectPhones: Detector = (text) => findPhones(text);
