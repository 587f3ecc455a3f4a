import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { allMatches } from './all-matches';
import type { Detector, Finding } from './types';

// Chat links that carry a phone number in international form, without or with its "+":
// wa.me/77011234567, api.whatsapp.com/send?phone=%2B7701…, t.me/+7701…, viber://chat?number=….
const MESSENGER_LINK =
  /(?:wa\.me\/|whatsapp\.com\/send\/?\?phone=|t(?:elegram)?\.me\/|viber:\/\/(?:chat|add)\?number=)(?<plus>\+|%2B)?(?<digits>\d{10,15})(?![\p{L}\p{N}_-])/giu;
// Cheap first look: most notes hold no chat link at all.
const MAY_HOLD_LINK = /wa\.me|\.me\/|whatsapp\.com|viber:/i;
// Hotlines and paid service numbers belong to organisations, not to persons.
const SERVICE_NUMBER_TYPES = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST']);

/**
 * Finds phone numbers inside messenger links. The link says what the digits are, so they are
 * read as an international number and validated by libphonenumber's full metadata.
 */
export const detectMessengerPhones: Detector = (text) => {
  if (!MAY_HOLD_LINK.test(text)) return [];
  const findings: Finding[] = [];
  for (const match of allMatches(MESSENGER_LINK, text)) {
    const { plus, digits } = match.groups!;
    const phone = parsePhoneNumberFromString(`+${digits}`);
    if (!phone?.isValid()) continue;
    const type = phone.getType();
    if (type !== undefined && SERVICE_NUMBER_TYPES.has(type)) continue;
    const end = match.index + match[0].length;
    // A written "+" belongs to the number; its escaped form %2B stays part of the link.
    const start = end - digits!.length - (plus === '+' ? 1 : 0);
    findings.push({ kind: 'phone', start, end });
  }
  return findings;
};
