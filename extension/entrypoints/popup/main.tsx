import { render } from 'preact';
import { App } from '@/components/App';
import { startPopup } from '@/components/popup-start';
import { sendMessage } from '@/lib/browser/messages';
import { getSettings } from '@/lib/browser/settings';
import type { TargetPage } from '@/lib/capture/page-capture';
import { chooseUiLocale, uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

// The popup's dependencies, made once here and passed down; Dexie loads on first use, and so
// does the reading of a page's hints, which the form asks for only once it is painted.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
  send: sendMessage,
  readHints: (page: TargetPage) =>
    import('@/lib/form/page-hints').then(({ readPageHints }) => readPageHints(page)),
};

// What the form needs is asked for now, while the language is read and the popup renders.
const started = startPopup(deps, location.search);

// The UI language chosen on the options page is read first (browser.storage.local: a few
// milliseconds); the browser's language needs nothing more.
async function start() {
  const { locale } = await getSettings().catch(() => ({ locale: undefined }));
  await chooseUiLocale(locale, deps.fetch).catch(() => undefined);
  document.documentElement.lang = uiLocale();
  // The query names a link to tag (opened from the link menu) or the list to show.
  render(
    <App deps={deps} search={location.search} start={started} />,
    document.getElementById('app')!,
  );
}
void start();
