import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type Session, setSession } from '@/lib/browser/session';
import { WebTaggerDb } from '@/lib/storage/db';
import { lazyDb } from '@/lib/storage/local-db';
import { setMeta } from '@/lib/storage/meta';
import { isWebPage, startPopup } from './popup-start';

const session: Session = {
  serverUrl: 'http://127.0.0.1:8787',
  token: 'secret-token',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', role: 'analyst', status: 'active' },
};
const activeTab = {
  id: 12,
  windowId: 3,
  url: 'https://casino.example.kz/promo',
  title: 'Казино',
} as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number];

let db: WebTaggerDb;
let n = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new WebTaggerDb(`popup-start-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await db.delete();
});

const start = (search = '') => startPopup({ db: lazyDb(db.name), now: Date.now }, search);

describe('startPopup', () => {
  it('reads the gate and the active tab, both asked for at once', async () => {
    await setSession(session);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([activeTab]);
    const started = start();
    // Both reads are on their way before anything is awaited: the popup renders meanwhile.
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(await started.gate).toEqual({ name: 'main', session });
    expect(await started.page).toEqual({
      tabId: 12,
      windowId: 3,
      url: 'https://casino.example.kz/promo',
      title: 'Казино',
      source: 'page',
    });
  });

  it('asks for a sign-in without a session, and for consent when a push was refused for it', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([activeTab]);
    expect(await start().gate).toEqual({ name: 'sign-in', previous: undefined });
    await setSession(session);
    await setMeta(db, 'consentRequired', { policyVersion: '3', at: 1 });
    expect(await start().gate).toEqual({ name: 'consent', session });
  });

  it('takes a link to tag from the query, without asking for a tab', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    const page = await start('?linkUrl=https%3A%2F%2Fshop.example.kz%2F1&linkText=Shop&tabId=4')
      .page;
    expect(page).toEqual({
      url: 'https://shop.example.kz/1',
      title: 'Shop',
      source: 'link',
      tabId: 4,
      windowId: undefined,
    });
    expect(query).not.toHaveBeenCalled();
  });

  it('has no page when the browser gives no tab or refuses to, and the gate still comes', async () => {
    await setSession(session);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValueOnce([]);
    expect(await start().page).toBeNull();
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValueOnce(new Error('No current window'));
    const started = start();
    expect(await started.page).toBeNull();
    expect((await started.gate).name).toBe('main');
  });

  it('tags web pages only, not the browser’s own', () => {
    expect(isWebPage({ url: 'https://a.kz/', title: '', source: 'page' })).toBe(true);
    expect(isWebPage({ url: 'chrome://extensions/', title: '', source: 'page' })).toBe(false);
    expect(isWebPage(null)).toBe(false);
  });
});
