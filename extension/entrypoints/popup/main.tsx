import { render } from 'preact';
import { App } from '@/components/App';
import { uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

document.documentElement.lang = uiLocale();
// The popup's dependencies, made once here and passed down; Dexie loads on first use.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
};
render(<App deps={deps} />, document.getElementById('app')!);
