import { isRoleMailbox } from './role-mailbox';
import type { Finding } from './types';

/**
 * E-mail addresses written to dodge filters: ivan [at] mail.kz, ivan(at)gmail.com, ivan собака
 * mail.ru, ivan at gmail dot com, ivan @ mail . ru. The "@" is found first (it is rare), then
 * the address is read backwards and forwards from it.
 */

const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;
// "@" in words: in brackets it cannot be anything else; bare "at" or "собака", or an "@" with
// spaces around it, is also ordinary text and needs more evidence (see isLikelyAddress). The
// pattern starts at a rare character; the spaces around are taken in code.
const AT =
  /[[({<]\s*(?<bracketed>at|собака|собачка|эт)\s*[\])}>]|(?<=\s)(?:at|собака|собачка)(?=\s)|@/iuy;
// Where such an "@" may start: a bracket, the sign, or a word after a space that begins like one
// (a superset of AT's starts, found without trying AT's alternatives at every character).
const AT_MAY_START = /[[({<@]|\s(?:[aA][tT]|[сС][оО][бБ][аА][кчКЧ])/g;
const DOT = String.raw`(?:\.|\s*${OPEN}\s*(?:dot|точка|\.)\s*${CLOSE}\s*|\s+(?:dot|точка)\s+)`;
const LOCAL_BEFORE = new RegExp(
  `(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-]+(?:${DOT}[A-Za-z0-9_%+-]+)*$`,
  'iu',
);
const DOMAIN_AFTER = new RegExp(
  String.raw`[A-Za-z0-9-]+(?:(?:${DOT}|\s+\.\s+)[A-Za-z0-9-]+)+(?![A-Za-z0-9_-])`,
  'iuy',
);
const LOOK_BEHIND = 64;
const TOP_LEVEL_DOMAIN = /^[a-z]{2,24}$/;
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp']);
const DOT_WORD = /^(?:dot|точка)$/i;
// Second-level names of free mail services: "at gmail dot com" is an address, "at tilda dot ws" a site.
const MAIL_SERVICES = new Set(
  'gmail googlemail mail inbox list bk internet yandex ya rambler outlook hotmail live yahoo icloud me proton protonmail ukr'.split(
    ' ',
  ),
);

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

/** The letters-and-digits parts of a written local part or domain, without the dot words. */
function partsOf(written: string): string[] {
  return (written.match(/[A-Za-z0-9_%+-]+/g) ?? []).filter((part) => !DOT_WORD.test(part));
}

/** Whether an address written with a weak "@" (bare word, spaced sign) is likely a person's. */
function isLikelyAddress(local: string[], domain: string[]): boolean {
  return (
    MAIL_SERVICES.has(domain[domain.length - 2]!.toLowerCase()) ||
    local.length > 1 ||
    /[\d_%+-]/.test(local[0]!)
  );
}

/** The first "@" in any written form at or after `from`, as a global AT would find it. */
function nextAt(text: string, from: number): RegExpExecArray | null {
  AT_MAY_START.lastIndex = Math.max(0, from - 1);
  for (let may = AT_MAY_START.exec(text); may; may = AT_MAY_START.exec(text)) {
    // A bracket or the sign is one character; a word is found with the space before it.
    const start = may[0].length === 1 ? may.index : may.index + 1;
    if (start < from) continue;
    AT.lastIndex = start;
    const at = AT.exec(text);
    if (at) return at;
  }
  return null;
}

/** Finds e-mail addresses written with "@" spelled out, bracketed or spaced. */
export function findObfuscatedEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  for (let at = nextAt(text, 0); at; at = nextAt(text, at.index + at[0].length)) {
    let atStart = at.index;
    let atEnd = at.index + at[0].length;
    while (atStart > 0 && isSpace(text.charCodeAt(atStart - 1))) atStart--;
    while (atEnd < text.length && isSpace(text.charCodeAt(atEnd))) atEnd++;
    // "ivan@mail.ru" without spaces is a plain address, found elsewhere.
    if (at[0] === '@' && atStart === at.index && atEnd === at.index + 1) continue;
    const from = Math.max(0, atStart - LOOK_BEHIND);
    const local = LOCAL_BEFORE.exec(text.slice(from, atStart));
    if (!local) continue;
    DOMAIN_AFTER.lastIndex = atEnd;
    const domain = DOMAIN_AFTER.exec(text);
    if (!domain) continue;
    const localParts = partsOf(local[0]);
    const labels = partsOf(domain[0]);
    const topLevel = labels[labels.length - 1]!.toLowerCase();
    if (labels.length < 2 || !TOP_LEVEL_DOMAIN.test(topLevel) || FILE_EXTENSIONS.has(topLevel))
      continue;
    if (localParts.join('.').length < 2 || labels[labels.length - 2]!.length < 2) continue;
    if (!at.groups!.bracketed && !isLikelyAddress(localParts, labels)) continue;
    if (isRoleMailbox(localParts.join('.'), labels.join('.'))) continue;
    const start = from + local.index;
    if (findings.length > 0 && findings[findings.length - 1]!.end > start) continue;
    findings.push({ kind: 'email', start, end: DOMAIN_AFTER.lastIndex });
  }
  return findings;
}
