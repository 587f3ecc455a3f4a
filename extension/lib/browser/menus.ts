import { browser } from 'wxt/browser';
import { labelOf } from '#shared/labels';
import { TOPIC_CODES, TOPICS, type Topic } from '#shared/taxonomy';
import { reportLink } from '../capture/link-report';
import { linkFormPath } from '../capture/page-capture';
import { frequentTopics } from '../form/defaults';
import { t, uiLocale } from '../i18n/i18n';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import { getMeta, setMeta } from '../storage/meta';
import type { VolumeTarget } from './volume-page';

/** The ids of the link menu's items. */
export const LINK_MENU = {
  parent: 'webtagger-link',
  topicPrefix: 'webtagger-link-topic:',
  separator: 'webtagger-link-separator',
  form: 'webtagger-link-form',
  /** On the page itself: choose several of its links (volume.html). */
  pageLinks: 'webtagger-page-links',
} as const;

/** Only links a report can name get the menu. */
const TAGGABLE_LINKS = ['http://*/*', 'https://*/*'];

let building: Promise<unknown> = Promise.resolve();

/**
 * (Re)creates the link menu: "Tag link with WebTagger" with the analyst's frequent topics for a
 * one-click report, and "Open the full form…". Safe to call again: the old items are removed first,
 * and calls are serialized so their items never collide.
 */
export function buildLinkMenus(db: WebTaggerDb): Promise<Topic[]> {
  const built = building.then(async () => {
    const topics = await frequentTopics(db);
    const locale = uiLocale();
    await browser.contextMenus.removeAll();
    await createItem({
      id: LINK_MENU.parent,
      title: t('menuTagLink'),
      contexts: ['link'],
      targetUrlPatterns: TAGGABLE_LINKS,
    });
    for (const topic of topics) {
      await createItem({
        id: LINK_MENU.topicPrefix + topic,
        parentId: LINK_MENU.parent,
        title: labelOf(TOPICS, topic, locale),
        contexts: ['link'],
      });
    }
    await createItem({
      id: LINK_MENU.separator,
      parentId: LINK_MENU.parent,
      type: 'separator',
      contexts: ['link'],
    });
    await createItem({
      id: LINK_MENU.form,
      parentId: LINK_MENU.parent,
      title: t('menuOpenFullForm'),
      contexts: ['link'],
    });
    await createItem({
      id: LINK_MENU.pageLinks,
      title: t('menuTagPageLinks'),
      contexts: ['page'],
      documentUrlPatterns: TAGGABLE_LINKS,
    });
    await setMeta(db, 'menuTopics', topics);
    return topics;
  });
  building = built.catch(() => undefined);
  return built;
}

/** Rebuilds the link menu if the analyst's frequent topics changed since it was built. */
export async function refreshLinkMenus(db: WebTaggerDb): Promise<boolean> {
  const [offered, wanted] = await Promise.all([getMeta(db, 'menuTopics'), frequentTopics(db)]);
  if (offered && offered.join() === wanted.join()) return false;
  await buildLinkMenus(db);
  return true;
}

/** What the link menu's click handler needs of a click (Firefox also gives `linkText`). */
export type LinkMenuClick = { menuItemId: string | number; linkUrl?: string; linkText?: string };
export type LinkMenuTab = { id?: number; windowId?: number } | undefined;

export type LinkMenuDeps = {
  db: WebTaggerDb;
  now(): number;
  /** Opens the popup page at this path for the full form. */
  openForm(path: string): Promise<void>;
  /** Opens the page for several pages on this tab's links (volume-page.ts). */
  openVolume(target: VolumeTarget): Promise<void>;
  /** Runs after a one-click report was saved (sync, badge). */
  afterReport(report: LocalReport, tabId: number | undefined): Promise<void>;
};

/**
 * Handles a click in the link menu: a topic saves a one-click report of the link's target
 * (`source: 'link'`); "Open the full form…" opens the popup for the link; the page's item opens
 * the page for several pages on the page's links. Returns what it did.
 */
export async function handleLinkMenuClick(
  deps: LinkMenuDeps,
  info: LinkMenuClick,
  tab: LinkMenuTab,
): Promise<LocalReport | 'form' | 'volume' | undefined> {
  const id = String(info.menuItemId);
  const { linkUrl, linkText } = info;
  if (id === LINK_MENU.pageLinks) {
    // The click on the page's menu grants activeTab for this tab: the page lists its links.
    await deps.openVolume({ mode: 'links', tabId: tab?.id, windowId: tab?.windowId });
    return 'volume';
  }
  if (!linkUrl) return undefined;
  if (id === LINK_MENU.form) {
    await deps.openForm(
      linkFormPath({ linkUrl, linkText, tabId: tab?.id, windowId: tab?.windowId }),
    );
    return 'form';
  }
  const topic = id.startsWith(LINK_MENU.topicPrefix) ? id.slice(LINK_MENU.topicPrefix.length) : '';
  if (!isTopic(topic)) return undefined;
  const report = await reportLink(deps.db, { linkUrl, linkText }, topic, deps.now());
  await deps.afterReport(report, tab?.id);
  return report;
}

/** Opens the popup page in a small window of its own (the toolbar popup cannot be opened here). */
export async function openPopupWindow(path: string): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(path as '/popup.html'),
    type: 'popup',
    width: 420,
    height: 640,
  });
}

function isTopic(code: string): code is Topic {
  return (TOPIC_CODES as readonly string[]).includes(code);
}

type MenuItem = Parameters<typeof browser.contextMenus.create>[0];

/** Creates a menu item, reporting failure (a duplicate id) as a rejection, not a console error. */
function createItem(item: MenuItem): Promise<void> {
  return new Promise((resolve, reject) => {
    browser.contextMenus.create(item, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}
