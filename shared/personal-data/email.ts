import { findObfuscatedEmails } from './obfuscated-email';
import { isRoleMailbox } from './role-mailbox';
import type { Detector, Finding } from './types';

export { isRoleMailbox } from './role-mailbox';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const TOP_LEVEL_DOMAIN = /^\p{L}{2,24}$/u;
// "logo@2x.png" is a file name, not an address.
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp']);

function expandLocalPart(text: string, at: number): number {
  let start = at;
  while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start--;
  // Leading punctuation ("—.ivan@…") is not part of the address.
  while (start < at && /[._%+-]/.test(text[start]!)) start++;
  return start;
}

function expandDomain(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
  // A sentence may end right after the address: "пишите на ivan@mail.ru."
  while (end > at + 1 && /[.-]/.test(text[end - 1]!)) end--;
  return end;
}

function isWellFormed(local: string, domain: string): boolean {
  if (!local || local.includes('..') || local.endsWith('.')) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => !label || label.startsWith('-'))) return false;
  const topLevel = labels[labels.length - 1]!;
  return TOP_LEVEL_DOMAIN.test(topLevel) && !FILE_EXTENSIONS.has(topLevel.toLowerCase());
}

/**
 * Finds e-mail addresses of persons, also written to dodge filters (ivan [at] mail.kz, ivan
 * собака mail.ru); role mailboxes of organisations are left out.
 */
export const detectEmails: Detector = (text) => {
  const findings = findPlainEmails(text);
  const obfuscated = findObfuscatedEmails(text);
  if (obfuscated.length === 0) return findings;
  const apart = obfuscated.filter((o) => !findings.some((f) => f.start < o.end && f.end > o.start));
  return [...findings, ...apart].sort((x, y) => x.start - y.start);
};

function findPlainEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  let at = text.indexOf('@');
  let searchedUpTo = 0;
  while (at !== -1) {
    const start = expandLocalPart(text, at);
    const end = expandDomain(text, at);
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (start >= searchedUpTo && isWellFormed(local, domain) && !isRoleMailbox(local, domain)) {
      findings.push({ kind: 'email', start, end });
      searchedUpTo = end;
    }
    at = text.indexOf('@', at + 1);
  }
  return findings;
}
