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
export const FREE_MAIL_DOMAINS = new Set([
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
