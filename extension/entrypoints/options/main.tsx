import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import { sendMessage } from '@/lib/browser/messages';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
// The options page's dependencies, made once here and passed down; Dexie loads on first use.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
  send: sendMessage,
};
render(<OptionsApp deps={deps} />, document.getElementById('app')!);
