import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { sendMessage } from '@/lib/browser/messages';
import { getSettings } from '@/lib/browser/settings';
import { chooseUiLocale, t, uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

// The options page's dependencies, made once here and passed down; Dexie loads on first use.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
  send: sendMessage,
};

/** Renders the page in the chosen UI language; a new choice renders it again. */
async function start() {
  const { locale } = await getSettings().catch(() => ({ locale: undefined }));
  await chooseUiLocale(locale, deps.fetch).catch(() => undefined);
  document.documentElement.lang = uiLocale();
  document.title = t('optionsTitle');
  const root = document.getElementById('app')!;
  render(null, root);
  render(<OptionsApp deps={deps} onLocaleChanged={() => void start()} />, root);
}
void start();
