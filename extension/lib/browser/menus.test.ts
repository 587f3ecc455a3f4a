import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_FREQUENT_TOPICS, rankTopics } from '../form/defaults';
import { fakeUiLocale } from '../i18n/fake';
import { saveReport } from '../storage/reports';
import { aReport, freshDb } from '../testing/fixtures';
import { buildLinkMenus, handleLinkMenuClick, LINK_MENU, refreshLinkMenus } from './menus';
import type { VolumeTarget } from './volume-page';

type Created = {
  id: string;
  parentId?: string;
  title?: string;
  type?: string;
  contexts?: string[];
};
let created: Created[];

beforeEach(() => {
  fakeBrowser.reset();
  created = [];
  // The fake browser always has a lastError; a real one has none after a success.
  Object.defineProperty(browser.runtime, 'lastError', { value: undefined, configurable: true });
  fakeUiLocale('en');
  vi.spyOn(browser.contextMenus, 'removeAll').mockImplementation(async () => {
    created = [];
  });
  vi.spyOn(browser.contextMenus, 'create').mockImplementation((item, done) => {
    created.push(item as Created);
    done?.();
    return (item as Created).id;
  });
});

function deps(db = freshDb()) {
  return {
    db,
    now: Date.now,
    openForm: vi.fn(async (_path: string) => undefined),
    openVolume: vi.fn(async (_target: VolumeTarget) => undefined),
    afterReport: vi.fn(async () => undefined),
  };
}

describe('rankTopics', () => {
  it('offers the defaults before the analyst has used any topic', () => {
    expect(rankTopics({}, 6)).toEqual(DEFAULT_FREQUENT_TOPICS);
  });

  it('puts the most used topics first and tops up with the defaults', () => {
    expect(rankTopics({ hatred: 3, fraud: 5, suicide: 3 }, 6)).toEqual([
      'fraud',
      'hatred',
      'suicide',
      'gambling',
      'drugs',
      'extremism',
    ]);
  });
});

describe('buildLinkMenus', () => {
  it('creates the link item with six topics and the full form, and can be run again', async () => {
    const db = freshDb();
    await buildLinkMenus(db);
    await buildLinkMenus(db);

    expect(created[0]).toMatchObject({ id: LINK_MENU.parent, title: 'Tag link with WebTagger' });
    const children = created.filter((item) => item.parentId === LINK_MENU.parent);
    expect(children.map((c) => c.id)).toEqual([
      ...DEFAULT_FREQUENT_TOPICS.map((t) => LINK_MENU.topicPrefix + t),
      LINK_MENU.separator,
      LINK_MENU.form,
    ]);
    expect(children[0]!.title).toBe('Online casinos, unlicensed bookmakers and their advertising');
    expect(new Set(created.map((c) => c.id)).size).toBe(created.length);
    expect(created.find((c) => c.id === LINK_MENU.pageLinks)).toMatchObject({
      title: 'Tag links of this page with WebTagger…',
      contexts: ['page'],
    });
  });

  it('is rebuilt only when the analyst’s frequent topics change', async () => {
    const db = freshDb();
    expect(await refreshLinkMenus(db)).toBe(true);
    expect(await refreshLinkMenus(db)).toBe(false);
    await saveReport(db, aReport({ topics: ['hatred'] }), { at: Date.now() });
    expect(await refreshLinkMenus(db)).toBe(true);
    expect(created.find((c) => c.parentId === LINK_MENU.parent)?.id).toBe(
      `${LINK_MENU.topicPrefix}hatred`,
    );
  });
});

describe('handleLinkMenuClick', () => {
  it('saves a one-click report of the link target with the chosen topic, nothing carried over', async () => {
    const d = deps();
    await saveReport(
      d.db,
      aReport({ resourceType: 'social_post', languages: ['kk'], availability: 'blocked' }),
      { at: Date.now() },
    );
    const result = await handleLinkMenuClick(
      d,
      {
        menuItemId: `${LINK_MENU.topicPrefix}drugs`,
        linkUrl: 'https://shop.example.kz/x',
        linkText: ' Buy now ',
      },
      { id: 4, windowId: 1 },
    );

    expect(result).toMatchObject({
      source: 'link',
      url: 'https://shop.example.kz/x',
      title: 'Buy now',
      topics: ['drugs'],
      // Nobody saw the target: not the last page's type, language or availability (taxonomy.md).
      resourceType: 'webpage',
      languages: ['und'],
      openness: 'unknown',
      availability: 'unknown',
      geography: { indicated: false },
      state: 'pending',
    });
    expect(await d.db.outbox.count()).toBe(2);
    expect(d.afterReport).toHaveBeenCalledWith(result, 4);
  });

  it('titles the report with the URL when the browser gives no link text', async () => {
    const d = deps();
    const result = await handleLinkMenuClick(
      d,
      { menuItemId: `${LINK_MENU.topicPrefix}fraud`, linkUrl: 'https://fraud.example.kz/' },
      undefined,
    );
    expect(result).toMatchObject({ title: 'https://fraud.example.kz/', resourceType: 'webpage' });
  });

  it('opens the full form for the link with its tab and window', async () => {
    const d = deps();
    const result = await handleLinkMenuClick(
      d,
      { menuItemId: LINK_MENU.form, linkUrl: 'https://shop.example.kz/x?a=1&b=2' },
      { id: 4, windowId: 2 },
    );
    expect(result).toBe('form');
    const path = d.openForm.mock.calls[0]![0];
    const params = new URL(path, 'https://x').searchParams;
    expect(path.startsWith('/popup.html?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      linkUrl: 'https://shop.example.kz/x?a=1&b=2',
      tabId: '4',
      windowId: '2',
    });
    expect(await d.db.reports.count()).toBe(0);
  });

  it('opens the page for several pages on the links of the clicked page', async () => {
    const d = deps();
    const result = await handleLinkMenuClick(
      d,
      { menuItemId: LINK_MENU.pageLinks },
      { id: 7, windowId: 3 },
    );
    expect(result).toBe('volume');
    expect(d.openVolume).toHaveBeenCalledWith({ mode: 'links', tabId: 7, windowId: 3 });
    expect(await d.db.reports.count()).toBe(0);
  });

  it('ignores clicks on other items or without a link', async () => {
    const d = deps();
    expect(
      await handleLinkMenuClick(
        d,
        { menuItemId: `${LINK_MENU.topicPrefix}nonsense`, linkUrl: 'https://a.kz/' },
        undefined,
      ),
    ).toBeUndefined();
    expect(
      await handleLinkMenuClick(d, { menuItemId: `${LINK_MENU.topicPrefix}fraud` }, undefined),
    ).toBeUndefined();
    expect(await d.db.reports.count()).toBe(0);
  });
});
