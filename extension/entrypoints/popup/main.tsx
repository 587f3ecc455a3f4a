import { render } from 'preact';
import { App } from '@/components/App';
import { sendMessage } from '@/lib/browser/messages';
import { readPageHints } from '@/lib/form/page-hints';
import { uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

document.documentElement.lang = uiLocale();
// The popup's dependencies, made once here and passed down; Dexie loads on first use.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
  send: sendMessage,
  readHints: readPageHints,
};
// The query names a link to tag (opened from the link menu) or the list to show.
render(<App deps={deps} search={location.search} />, document.getElementById('app')!);
