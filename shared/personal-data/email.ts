import type { Detector, Finding } from './types';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const TOP_LEVEL_DOMAIN = /^\p{L}{2,24}$/u;
// "logo@2x.png" is a file name, not an address.
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp']);

/**
 * Mailboxes named after a function rather than a person. Only a person's address is personal
 * data (docs/personal-data.md), so `info@`, `support@`, `press@`, `noreply@`… at an
 * organisation's domain are not. At a free mail service anyone can take such a name, so there the
 * address is treated as a person's.
 */
const ROLE_WORDS = new Set([
  'info',
  'support',
  'press',
  'pr',
  'noreply',
  'no',
  'reply',
  'donotreply',
  'admin',
  'administrator',
  'office',
  'contact',
  'contacts',
  'sales',
  'hr',
  'help',
  'helpdesk',
  'service',
  'media',
  'marketing',
  'reception',
  'secretary',
  'kense',
  'kanc',
  'priemnaya',
  'hello',
  'team',
  'billing',
  'abuse',
  'postmaster',
  'webmaster',
  'mail',
  'news',
  'feedback',
  'job',
  'jobs',
  'career',
  'careers',
  'legal',
  'compliance',
  'security',
  'privacy',
  'ads',
  'partners',
  'order',
  'orders',
  'shop',
  'hotline',
  'call',
  'center',
  'callcenter',
]);
const FREE_MAIL_DOMAINS = new Set([
  'mail.ru',
  'inbox.ru',
  'list.ru',
  'bk.ru',
  'internet.ru',
  'yandex.ru',
  'yandex.kz',
  'ya.ru',
  'rambler.ru',
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'ukr.net',
]);

/** Whether an address is an organisation's role mailbox (see ROLE_WORDS), not a person's. */
export function isRoleMailbox(local: string, domain: string): boolean {
  if (FREE_MAIL_DOMAINS.has(domain.toLowerCase())) return false;
  const words = local.toLowerCase().split(/[._+-]+/);
  return (
    words.some((word) => ROLE_WORDS.has(word)) &&
    words.every((word) => ROLE_WORDS.has(word) || /^\d*$/.test(word))
  );
}

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

/** Finds e-mail addresses of persons; role mailboxes of organisations are left out. */
export const detectEmails: Detector = (text) => {
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
};
