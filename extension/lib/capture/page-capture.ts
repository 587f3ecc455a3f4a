import { browser } from 'wxt/browser';

/**
 * What the popup tags. `source: 'link'` when it was opened for a link from the link menu; then
 * `url` is the link's target, `title` its text (or the URL), and `tabId` / `windowId` name the tab
 * the link was on (for the screenshot: `captureEvidence({ windowId })`).
 */
export type TargetPage = {
  tabId?: number;
  windowId?: number;
  url: string;
  title: string;
  source: 'page' | 'link';
};

/**
 * The contract between the link menu's "Open the full form…" and the popup: the background opens
 * `popup.html` in a small window of its own with these query parameters.
 */
export const LINK_FORM_PARAMS = {
  /** The link's target URL (required: its presence means "tag this link"). */
  linkUrl: 'linkUrl',
  /** The link's text, when the browser gave it. */
  linkText: 'linkText',
  /** The tab the link was on. */
  tabId: 'tabId',
  /** The window of that tab. */
  windowId: 'windowId',
} as const;

export type LinkTarget = { linkUrl: string; linkText?: string; tabId?: number; windowId?: number };

/** The path of the popup page opened for a link (see LINK_FORM_PARAMS). */
export function linkFormPath(link: LinkTarget): string {
  const params = new URLSearchParams({ [LINK_FORM_PARAMS.linkUrl]: link.linkUrl });
  if (link.linkText) params.set(LINK_FORM_PARAMS.linkText, link.linkText);
  if (link.tabId !== undefined) params.set(LINK_FORM_PARAMS.tabId, String(link.tabId));
  if (link.windowId !== undefined) params.set(LINK_FORM_PARAMS.windowId, String(link.windowId));
  return `/popup.html?${params}`;
}

/**
 * The page the popup tags: the link named by `?linkUrl=` (opened from the link menu), else the tab
 * named by `?tabId=` (when the popup is opened as a page of its own), else the active tab of the
 * current window.
 */
export async function targetPage(search: string): Promise<TargetPage | undefined> {
  const params = new URLSearchParams(search);
  const requested = positiveInt(params.get(LINK_FORM_PARAMS.tabId));
  const linkUrl = params.get(LINK_FORM_PARAMS.linkUrl);
  if (linkUrl) {
    return {
      url: linkUrl,
      title: params.get(LINK_FORM_PARAMS.linkText) || linkUrl,
      source: 'link',
      tabId: requested,
      windowId: positiveInt(params.get(LINK_FORM_PARAMS.windowId)),
    };
  }
  const tab =
    requested !== undefined
      ? await browser.tabs.get(requested)
      : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (!tab?.url) return undefined;
  return {
    tabId: tab.id,
    windowId: tab.windowId,
    url: tab.url,
    title: tab.title ?? '',
    source: 'page',
  };
}

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 0 ? n : undefined;
}
