import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import { getSettings } from './settings';

/** The id of the one notification of new outcomes (a newer one replaces it). */
export const OUTCOME_NOTICE_ID = 'webtagger-outcomes';

/**
 * Announces reviewers' decisions that came back unseen with a system notification, when the
 * analyst asked for it on the options page (the badge count shows them either way).
 */
export async function announceOutcomes(newlyUnseen: number, unseen: number): Promise<boolean> {
  if (newlyUnseen <= 0 || !(await getSettings()).notify || !browser.notifications) return false;
  await browser.notifications.create(OUTCOME_NOTICE_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('notifyOutcomesTitle'),
    message: t('notifyOutcomes', String(unseen)),
  });
  return true;
}
