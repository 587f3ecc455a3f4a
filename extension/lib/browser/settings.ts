import { browser } from 'wxt/browser';
import { UI_LOCALES, type UiLocale } from '#shared/labels';

/** The analyst's choices on the options page, kept in `browser.storage.local` (read fast). */
export type Settings = {
  /** The UI language; absent: the browser's. */
  locale?: UiLocale;
  /** Announce reviewers' decisions with a system notification, beside the badge count. */
  notify?: boolean;
};

/** The key of the settings in `browser.storage.local` (browser tests write it directly). */
export const SETTINGS_KEY = 'settings';

/** The stored settings; anything malformed is left out. */
export async function getSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as
    | Record<string, unknown>
    | undefined;
  const settings: Settings = {};
  if (UI_LOCALES.includes(stored?.locale as UiLocale)) settings.locale = stored?.locale as UiLocale;
  if (stored?.notify === true) settings.notify = true;
  return settings;
}

/** Changes some settings, keeping the others. */
export async function updateSettings(change: Settings): Promise<Settings> {
  const next = { ...(await getSettings()), ...change };
  if (!next.locale) delete next.locale;
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Calls `listener` whenever the settings change (in any page of the extension). */
export function onSettingsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener();
  });
}
