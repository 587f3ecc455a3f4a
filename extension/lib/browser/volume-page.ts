import { browser } from 'wxt/browser';

/** Which list the page for several pages opens on. */
export type VolumeMode = 'tabs' | 'links' | 'list';
export const VOLUME_MODES: readonly VolumeMode[] = ['tabs', 'links', 'list'];

/**
 * The contract of `volume.html`'s query: the list it opens on, and the tab (and its window) the
 * analyst was on — whose links are listed and whose window's tabs are offered.
 */
export type VolumeTarget = { mode: VolumeMode; tabId?: number; windowId?: number };

export function volumePagePath(target: VolumeTarget): string {
  const params = new URLSearchParams({ mode: target.mode });
  if (target.tabId !== undefined) params.set('tabId', String(target.tabId));
  if (target.windowId !== undefined) params.set('windowId', String(target.windowId));
  return `/volume.html?${params}`;
}

export function volumeTargetOf(search: string): VolumeTarget {
  const params = new URLSearchParams(search);
  const mode = params.get('mode') as VolumeMode;
  return {
    mode: VOLUME_MODES.includes(mode) ? mode : 'tabs',
    tabId: wholeNumber(params.get('tabId')),
    windowId: wholeNumber(params.get('windowId')),
  };
}

/**
 * Opens the page for several pages in a window of its own, roomier than the popup for 50 links;
 * the analyst's window keeps its tabs, which the page lists and captures.
 */
export async function openVolumePage(target: VolumeTarget): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(volumePagePath(target) as '/popup.html'),
    type: 'popup',
    width: 760,
    height: 820,
  });
}

function wholeNumber(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && value !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}
