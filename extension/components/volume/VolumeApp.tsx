import { useEffect, useState } from 'preact/hooks';
import type { ReportSource } from '#shared/taxonomy';
import { getSession } from '@/lib/browser/session';
import { VOLUME_MODES, type VolumeMode, type VolumeTarget } from '@/lib/browser/volume-page';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { PageDeps } from '../deps';
import { useDexie } from '../useDexie';
import { LinksMode, TabsMode } from './SourceModes';
import { readStartValues, type StartValues } from './start-values';
import { UrlListBox } from './UrlListBox';

const MODE_LABEL: Record<VolumeMode, MessageKey> = {
  tabs: 'volumeModeTabs',
  links: 'volumeModeLinks',
  list: 'volumeModeList',
};
const SOURCE_OF: Record<VolumeMode, ReportSource> = { tabs: 'page', links: 'link', list: 'link' };

/**
 * The page for several pages at once (opened from the popup or the page's menu): the tabs of the
 * analyst's window, the links of their page, or a pasted list — each chosen item saved as its own
 * report through the same outbox as the popup's.
 */
export function VolumeApp({ deps, target }: { deps: PageDeps; target: VolumeTarget }) {
  const [mode, setMode] = useState<VolumeMode>(target.mode);
  const [start, setStart] = useState<StartValues>();
  const [signedIn, setSignedIn] = useState(true);
  const dexie = useDexie(deps.db);

  useEffect(() => {
    setStart(undefined);
    void readStartValues(deps.db, SOURCE_OF[mode]).then(setStart);
  }, [mode]);
  useEffect(() => {
    void getSession().then((session) => setSignedIn(!!session));
  }, []);

  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = VOLUME_MODES[(VOLUME_MODES.indexOf(mode) + step + 3) % 3]!;
    setMode(next);
    document.getElementById(`volume-mode-${next}`)?.focus();
  };

  let content = <div aria-busy="true" />;
  if (start && dexie) {
    const props = { deps, dexie, start, target };
    if (mode === 'tabs') content = <TabsMode key="tabs" {...props} />;
    else if (mode === 'links') content = <LinksMode key="links" {...props} />;
    else content = <UrlListBox key="list" deps={deps} dexie={dexie} start={start} />;
  }
  return (
    <main class="app volume" data-mode={mode} data-ready={!!(start && dexie)}>
      <h1>{t('volumeTitle')}</h1>
      {!signedIn && (
        <p class="notice" data-testid="volume-signed-out">
          {t('volumeSignedOut')}
        </p>
      )}
      <div class="tabs" role="tablist" aria-label={t('volumeTitle')} onKeyDown={onTabKey}>
        {VOLUME_MODES.map((m) => (
          <button
            key={m}
            id={`volume-mode-${m}`}
            type="button"
            class="tab"
            role="tab"
            aria-selected={m === mode}
            aria-controls="volume-panel"
            tabIndex={m === mode ? 0 : -1}
            aria-current={m === mode ? 'page' : undefined}
            onClick={() => setMode(m)}
            data-testid={`volume-mode-${m}`}
          >
            {t(MODE_LABEL[m])}
          </button>
        ))}
      </div>
      <div id="volume-panel" role="tabpanel" aria-labelledby={`volume-mode-${mode}`}>
        {content}
      </div>
    </main>
  );
}
