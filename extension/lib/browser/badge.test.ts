import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { fakeUiLocale } from '../i18n/fake';
import { saveReport } from '../storage/reports';
import { aReport, freshDb } from '../testing/fixtures';
import { BADGE_TEXT, badgeLookFor, refreshAllBadges, refreshBadge } from './badge';

beforeEach(() => {
  fakeBrowser.reset();
  fakeUiLocale('en');
});

describe('badgeLookFor', () => {
  it('shows a tick with its own colour and title for own and known pages, nothing otherwise', () => {
    const own = badgeLookFor('own');
    const known = badgeLookFor('known');
    expect(own).toMatchObject({
      text: BADGE_TEXT,
      title: 'WebTagger: you have already reported this page',
    });
    expect(known).toMatchObject({
      text: BADGE_TEXT,
      title: 'WebTagger: this page is already known to the system',
    });
    expect(own.color).not.toBe(known.color);
    expect(badgeLookFor('unknown')).toEqual({ text: '', title: 'WebTagger' });
    expect(badgeLookFor('not_taggable')).toEqual({ text: '', title: 'WebTagger' });
  });

  it('counts the outcomes that came back unseen, on every page', () => {
    expect(badgeLookFor('unknown', 3)).toMatchObject({
      text: '3',
      title: 'WebTagger: 3 of your reports have news from the reviewers',
    });
    expect(badgeLookFor('own', 2).text).toBe(`2${BADGE_TEXT}`);
    expect(badgeLookFor('unknown', 120).text).toBe('99+');
  });
});

describe('refreshBadge', () => {
  it('marks a page reported from a link as not captured, until its capture is added', async () => {
    const db = freshDb();
    const url = 'https://shop.example.kz/item';
    const report = aReport({ url, source: 'link' });
    await saveReport(db, report, { at: 1 });
    expect((await refreshBadge(db, 7, url)).title).toBe(
      'WebTagger: reported from a link, not captured — open to capture the page',
    );
    const file = {
      sha256: 'a'.repeat(64),
      mime: 'image/png',
      bytes: 5,
      kind: 'screenshot',
    } as const;
    await saveReport(db, { ...report, files: [file] }, { at: 2 });
    expect((await refreshBadge(db, 7, url)).title).toBe(
      'WebTagger: you have already reported this page',
    );
  });

  it('sets the badge of the tab from the URL, decided locally', async () => {
    const db = freshDb();
    await db.knownUrls.put({ hash: urlKeyHash(canonicalUrl('https://casino.example.kz/')) });

    await refreshBadge(db, 7, 'https://www.casino.example.kz/');
    await refreshBadge(db, 8, 'https://elsewhere.example.kz/');
    expect(await browser.action.getBadgeText({ tabId: 7 })).toBe(BADGE_TEXT);
    expect(await browser.action.getTitle({ tabId: 7 })).toBe(
      'WebTagger: this page is already known to the system',
    );
    expect(await browser.action.getBadgeText({ tabId: 8 })).toBe('');
  });

  it('refreshes every open tab after a sync', async () => {
    const db = freshDb();
    await saveReport(db, aReport({ url: 'https://casino.example.kz/' }), { at: Date.now() });
    const tab = await browser.tabs.create({ url: 'https://casino.example.kz/?utm_medium=x' });

    await refreshAllBadges(db);
    expect(await browser.action.getBadgeText({ tabId: tab.id })).toBe(BADGE_TEXT);
    expect(await browser.action.getTitle({ tabId: tab.id })).toBe(
      'WebTagger: you have already reported this page',
    );

    await db.meta.put({ key: 'unseenStatus', value: ['a', 'b'] });
    const other = await browser.tabs.create({ url: 'https://elsewhere.example.kz/' });
    await refreshAllBadges(db);
    expect(await browser.action.getBadgeText({ tabId: other.id })).toBe('2');
    expect(await browser.action.getBadgeText({ tabId: tab.id })).toBe(`2${BADGE_TEXT}`);
  });
});
