import { browser } from 'wxt/browser';
import { isNotCaptured } from '../capture/not-captured';
import { t } from '../i18n/i18n';
import type { WebTaggerDb } from '../storage/db';
import { type AlreadyReported, isAlreadyReported } from '../sync/known-urls';
import { countUnseen } from '../sync/status-pull';

/** What the toolbar button shows for a tab. */
export type BadgeLook = { text: string; color?: string; title: string };

export const BADGE_TEXT = '✓';
const OWN_COLOUR = '#1b5fb8';
const KNOWN_COLOUR = '#2e7d32';
const NOT_CAPTURED_COLOUR = '#b26a00';
const NEWS_COLOUR = '#c25e00';

/** What a tab's page is to the analyst: reported by them or anyone, or theirs but not captured. */
type PageState = AlreadyReported['status'] | 'not_captured';

/**
 * The badge for a tab's page: a tick when it is already reported (by the analyst or anyone); an
 * amber one when the analyst's report of it came from a link and the page is not captured yet;
 * and the number of the analyst's reports whose outcome came back unseen, on every tab.
 */
export function badgeLookFor(decision: PageState, unseen = 0): BadgeLook {
  const page = pageLook(decision);
  if (unseen <= 0) return page;
  const count = unseen > 99 ? '99+' : String(unseen);
  const news = t('badgeUnseenTitle', String(unseen));
  return {
    text: page.text ? `${count}${BADGE_TEXT}` : count,
    color: NEWS_COLOUR,
    title: page.text ? `${page.title}\n${news}` : news,
  };
}

function pageLook(decision: PageState): BadgeLook {
  switch (decision) {
    case 'not_captured':
      return { text: BADGE_TEXT, color: NOT_CAPTURED_COLOUR, title: t('badgeNotCapturedTitle') };
    case 'own':
      return { text: BADGE_TEXT, color: OWN_COLOUR, title: t('badgeOwnReportTitle') };
    case 'known':
      return { text: BADGE_TEXT, color: KNOWN_COLOUR, title: t('badgeKnownTitle') };
    default:
      return { text: '', title: t('extName') };
  }
}

/**
 * The toolbar button: `action` in the Manifest V3 build, `browserAction` in Firefox's Manifest V2
 * build, where `action` does not exist (and every call on it would fail unseen).
 */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

/** Sets a tab's badge from its URL, decided locally; a tab closed meanwhile is ignored. */
export async function refreshBadge(
  db: WebTaggerDb,
  tabId: number,
  url: string | undefined,
  unseen?: number,
): Promise<BadgeLook> {
  const [found, news] = await Promise.all([isAlreadyReported(db, url), unseen ?? countUnseen(db)]);
  const look = badgeLookFor(
    found.status === 'own' && isNotCaptured(found.report) ? 'not_captured' : found.status,
    news,
  );
  const button = toolbarButton();
  try {
    await Promise.all([
      button.setBadgeText({ tabId, text: look.text }),
      button.setTitle({ tabId, title: look.title }),
      look.color ? button.setBadgeBackgroundColor({ tabId, color: look.color }) : undefined,
    ]);
  } catch {
    // The tab is gone.
  }
  return look;
}

/** Refreshes the badge of every open tab (after a sync changed what is known). */
export async function refreshAllBadges(db: WebTaggerDb): Promise<void> {
  const [tabs, unseen] = await Promise.all([browser.tabs.query({}), countUnseen(db)]);
  await Promise.all(
    tabs.flatMap((tab) =>
      tab.id === undefined ? [] : [refreshBadge(db, tab.id, tab.url, unseen)],
    ),
  );
}

/** Refreshes the badge of one tab, looking its URL up first. */
export async function refreshBadgeOfTab(db: WebTaggerDb, tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab) await refreshBadge(db, tabId, tab.url);
}

const SAVED_FLASH_MS = 2_500;

/** Briefly shows "+1" on a tab after a one-click report from it, then its usual badge. */
export async function flashSaved(db: WebTaggerDb, tabId: number): Promise<void> {
  const button = toolbarButton();
  try {
    await button.setBadgeText({ tabId, text: '+1' });
    await button.setBadgeBackgroundColor({ tabId, color: KNOWN_COLOUR });
  } catch {
    return; // the tab is gone
  }
  setTimeout(() => void refreshBadgeOfTab(db, tabId), SAVED_FLASH_MS);
}
