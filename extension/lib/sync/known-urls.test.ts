import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { getMeta } from '../storage/meta';
import { saveReport } from '../storage/reports';
import { createFakeServer } from '../testing/fake-server';
import { aReport, freshDb, SESSION } from '../testing/fixtures';
import { createApiClient } from './api-client';
import { isAlreadyReported, syncKnownUrls } from './known-urls';

const hashOf = (url: string) => urlKeyHash(canonicalUrl(url));

describe('isAlreadyReported', () => {
  it('says known for a URL whose canonical key is among the synced hashes, in any form', async () => {
    const db = freshDb();
    await db.knownUrls.put({ hash: hashOf('https://casino.example.kz/play') });
    expect(
      await isAlreadyReported(db, 'http://www.casino.example.kz/play/?utm_source=tg#top'),
    ).toEqual({
      status: 'known',
      urlKeyHash: hashOf('https://casino.example.kz/play'),
    });
  });

  it('says own for a URL the analyst reported here, even before any sync', async () => {
    const db = freshDb();
    const report = aReport({ url: 'https://t.me/s/casino_kz' });
    await saveReport(db, report, { at: Date.now() });
    const decision = await isAlreadyReported(db, 'https://telegram.me/casino_kz');
    expect(decision).toMatchObject({ status: 'own', report: { id: report.id } });
  });

  it('says own rather than known for a URL the analyst reported that the server also knows', async () => {
    const db = freshDb();
    const report = aReport({ url: 'https://casino.example.kz/play' });
    await saveReport(db, report, { at: Date.now() });
    await db.knownUrls.put({ hash: hashOf(report.url) });
    const decision = await isAlreadyReported(db, 'https://www.casino.example.kz/play/');
    expect(decision).toMatchObject({ status: 'own', report: { id: report.id } });
  });

  it('opens a database nothing has opened yet', async () => {
    const db = freshDb();
    expect(db.isOpen()).toBe(false);
    expect((await isAlreadyReported(db, 'https://casino.example.kz/play')).status).toBe('unknown');
  });

  it('says unknown for a URL nobody reported', async () => {
    const db = freshDb();
    await db.knownUrls.put({ hash: hashOf('https://casino.example.kz/play') });
    expect((await isAlreadyReported(db, 'https://casino.example.kz/other')).status).toBe('unknown');
    expect((await isAlreadyReported(db, 'https://news.casino.example.kz/play')).status).toBe(
      'unknown',
    );
  });

  it('says not_taggable for browser pages and missing URLs', async () => {
    const db = freshDb();
    for (const url of [
      'chrome://newtab/',
      'about:blank',
      'file:///etc/hosts',
      'not a url',
      '',
      undefined,
    ]) {
      expect((await isAlreadyReported(db, url)).status).toBe('not_taggable');
    }
  });
});

describe('syncKnownUrls', () => {
  it('fetches every page, stores the hashes and the cursor, and later only what is new', async () => {
    const db = freshDb();
    const server = createFakeServer({ knownUrlsPage: 2 });
    server.addKnownUrls([
      'https://a.kz/',
      'https://b.kz/',
      'https://c.kz/',
      'https://d.kz/',
      'https://e.kz/',
    ]);
    const deps = { db, client: createApiClient(SESSION.serverUrl, server.fetch), token: 't' };

    expect(await syncKnownUrls(deps)).toBe(5);
    expect(server.requests).toHaveLength(3);
    expect(await db.knownUrls.count()).toBe(5);
    expect(await getMeta(db, 'knownUrlsCursor')).toBe('5');
    expect((await isAlreadyReported(db, 'https://www.c.kz')).status).toBe('known');

    server.addKnownUrls(['https://f.kz/']);
    expect(await syncKnownUrls(deps)).toBe(1);
    expect(server.requests.at(-1)?.path).toBe('/api/known-urls');
    expect(await db.knownUrls.count()).toBe(6);
  });
});
