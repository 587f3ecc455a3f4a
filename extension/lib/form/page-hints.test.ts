import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readPageHints } from './page-hints';

const detected = (language: string) => ({
  isReliable: true,
  languages: [{ language, percentage: 90 }],
});

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.i18n, 'detectLanguage').mockResolvedValue(detected('ru'));
  vi.spyOn(fakeBrowser.tabs, 'detectLanguage').mockResolvedValue('und');
});

describe('readPageHints', () => {
  it('combines the page’s lang, the selection’s script and the place in the title', async () => {
    // The title's detected Russian is a guess the page's own declaration overrules.
    fakeBrowser.scripting = {
      executeScript: vi.fn(async () => [{ result: { lang: 'kk-KZ', selection: 'Жаңалықтар' } }]),
    } as never;
    const hints = await readPageHints({
      tabId: 3,
      url: 'https://news.example.com/a',
      title: 'Новости Шымкента',
      source: 'page',
    });
    expect(hints).toEqual({
      languages: ['kk-Cyrl'],
      geography: { country: 'KZ', region: 'KZ-79' },
    });
  });

  it('still suggests from the browser’s reading of the page when the page cannot be read', async () => {
    fakeBrowser.scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access contents of the page');
      }),
    } as never;
    vi.spyOn(fakeBrowser.tabs, 'detectLanguage').mockResolvedValue('uz');
    const hints = await readPageHints({
      tabId: 3,
      url: 'https://shop.kz/',
      title: 'Do‘kon',
      source: 'page',
    });
    expect(hints).toEqual({ languages: ['uz'], geography: { country: 'KZ' } });
  });

  it('does not read the tab for a link: the link’s target was never opened', async () => {
    const executeScript = vi.fn();
    fakeBrowser.scripting = { executeScript } as never;
    const hints = await readPageHints({
      tabId: 3,
      url: 'https://t.me/s/channel',
      title: 'Channel',
      source: 'link',
    });
    expect(executeScript).not.toHaveBeenCalled();
    expect(fakeBrowser.tabs.detectLanguage).not.toHaveBeenCalled();
    // The link's text was written by the page it is on, not by its target: no language.
    expect(fakeBrowser.i18n.detectLanguage).not.toHaveBeenCalled();
    expect(hints.languages).toEqual([]);
  });
});
