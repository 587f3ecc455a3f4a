import { useEffect, useState } from 'preact/hooks';
import { UI_LOCALES, type UiLocale } from '#shared/labels';
import { getSettings, type Settings, updateSettings } from '@/lib/browser/settings';
import { type MessageKey, t } from '@/lib/i18n/i18n';

const LOCALE_NAMES: Record<UiLocale, MessageKey> = {
  ru: 'localeRu',
  kk: 'localeKk',
  en: 'localeEn',
};

/**
 * The analyst's preferences: the UI language (the browser's by default) and whether reviewers'
 * decisions are announced with a notification. Stored at once; every page follows.
 */
export function Preferences({ onLocaleChanged }: { onLocaleChanged: () => void }) {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    void getSettings().then(setSettings);
  }, []);
  if (!settings) return null;

  async function change(next: Settings) {
    setSettings(await updateSettings(next));
    if ('locale' in next) onLocaleChanged();
  }

  return (
    <section class="preferences" data-testid="preferences">
      <label for="ui-locale">{t('uiLanguageLabel')}</label>
      <select
        id="ui-locale"
        name="uiLocale"
        value={settings.locale ?? ''}
        onChange={(event) =>
          void change({ locale: (event.currentTarget.value || undefined) as UiLocale | undefined })
        }
      >
        <option value="">{t('uiLanguageBrowser')}</option>
        {UI_LOCALES.map((locale) => (
          <option key={locale} value={locale}>
            {t(LOCALE_NAMES[locale])}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          name="notify"
          checked={!!settings.notify}
          onChange={(event) => void change({ notify: event.currentTarget.checked })}
        />
        {t('notifyOption')}
      </label>
    </section>
  );
}
