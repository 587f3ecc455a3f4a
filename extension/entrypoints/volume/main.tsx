import { render } from 'preact';
import { VolumeApp } from '@/components/volume/VolumeApp';
import { sendMessage } from '@/lib/browser/messages';
import { getSettings } from '@/lib/browser/settings';
import { volumeTargetOf } from '@/lib/browser/volume-page';
import { chooseUiLocale, t, uiLocale } from '@/lib/i18n/i18n';
import { lazyDb } from '@/lib/storage/local-db';

// The page's dependencies, made once here and passed down; Dexie loads on first use.
const deps = {
  db: lazyDb(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  now: Date.now,
  send: sendMessage,
};

async function start() {
  const { locale } = await getSettings().catch(() => ({ locale: undefined }));
  await chooseUiLocale(locale, deps.fetch).catch(() => undefined);
  document.documentElement.lang = uiLocale();
  document.title = t('volumeTitle');
  render(
    <VolumeApp deps={deps} target={volumeTargetOf(location.search)} />,
    document.getElementById('app')!,
  );
}
void start();
