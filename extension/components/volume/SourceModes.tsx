import { useEffect, useMemo, useState } from 'preact/hooks';
import type { VolumeTarget } from '@/lib/browser/volume-page';
import { t } from '@/lib/i18n/i18n';
import type { WebTaggerDb } from '@/lib/storage/db';
import type { VolumeItem } from '@/lib/volume/batch';
import { filterLinks, type LinkFilter, linkDomains } from '@/lib/volume/link-filter';
import type { PageDeps } from '../deps';
import { BatchEditor } from './BatchEditor';
import { markReported, pageLinkItems, windowTabs } from './candidates';
import type { ItemMark } from './ItemList';
import { LinksFilter } from './LinksFilter';
import type { StartValues } from './start-values';

type ModeProps = {
  deps: PageDeps;
  dexie: WebTaggerDb;
  start: StartValues;
  target: VolumeTarget;
};

type Listed = { items: VolumeItem[]; marks: Map<string, ItemMark> } | 'failed';

/** Lists candidates (and marks those already reported); `round` lists them anew. */
function useCandidates(dexie: WebTaggerDb, list: () => Promise<VolumeItem[]>) {
  const [round, setRound] = useState(0);
  const [listed, setListed] = useState<Listed>();
  useEffect(() => {
    setListed(undefined);
    list()
      .then(async (items) => setListed({ items, marks: await markReported(dexie, items) }))
      .catch(() => setListed('failed'));
  }, [round]);
  return { listed, again: () => setRound((r) => r + 1) };
}

/** The web pages open in the analyst's window; each chosen tab is captured. */
export function TabsMode({ deps, dexie, start, target }: ModeProps) {
  const { listed, again } = useCandidates(dexie, () => windowTabs(target.windowId));
  if (!listed) return <div aria-busy="true" />;
  if (listed === 'failed') return <p class="notice">{t('volumeTabsFailed')}</p>;
  return (
    <BatchEditor
      key={listed.items.map((i) => i.id).join()}
      deps={deps}
      dexie={dexie}
      source="page"
      candidates={listed.items}
      visible={listed.items}
      marks={listed.marks}
      start={start}
      listLabel={t('volumeModeTabs')}
      onAgain={again}
    >
      <p class="hint">{t('volumeTabsHint')}</p>
    </BatchEditor>
  );
}

/** The links of the analyst's page, filterable by words and by domain. */
export function LinksMode({ deps, dexie, start, target }: ModeProps) {
  const tabId = target.tabId;
  const { listed, again } = useCandidates(dexie, () =>
    tabId === undefined ? Promise.reject(new Error('no tab')) : pageLinkItems(tabId),
  );
  const [filter, setFilter] = useState<LinkFilter>({ text: '', domain: '' });
  const items = listed && listed !== 'failed' ? listed.items : [];
  const links = useMemo(() => items.map((item) => ({ url: item.url, text: item.title })), [items]);
  const domains = useMemo(() => linkDomains(links), [links]);
  const visible = useMemo(() => {
    const shown = new Set(filterLinks(links, filter).map((link) => link.url));
    return items.filter((item) => shown.has(item.url));
  }, [items, links, filter]);
  if (!listed) return <div aria-busy="true" />;
  if (listed === 'failed') {
    return (
      <p class="notice" data-testid="volume-links-failed">
        {t('volumeLinksFailed')}
      </p>
    );
  }
  return (
    <BatchEditor
      key={items.map((i) => i.id).join()}
      deps={deps}
      dexie={dexie}
      source="link"
      candidates={items}
      visible={visible}
      marks={listed.marks}
      start={start}
      listLabel={t('volumeModeLinks')}
      onAgain={again}
    >
      <LinksFilter filter={filter} onChange={setFilter} domains={domains} />
    </BatchEditor>
  );
}
