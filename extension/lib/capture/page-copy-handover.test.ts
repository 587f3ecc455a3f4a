import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storeEvidenceFile } from '../storage/evidence-files';
import { freshDb } from '../testing/fixtures';
import { handOverPageCopy, takePageCopy } from './page-copy-handover';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the page copy handed from the popup to the background', () => {
  it('is taken once, as soon as the popup has stored it', async () => {
    const db = freshDb();
    const taking = takePageCopy(db, 'r1', 5_000, 10);
    const file = await storeEvidenceFile(
      db,
      new TextEncoder().encode('<!DOCTYPE html><p>copy</p>'),
      { mime: 'text/html', kind: 'page_copy' },
      { at: 1, estimate: async () => ({}) },
    );
    await db.meta.put({ key: 'pageCopy:r1', value: { file } });
    expect(await taking).toEqual(file);
    expect(await takePageCopy(db, 'r1', 0)).toBeUndefined();
  });

  it('is nothing when the popup could not copy the page, and the background copies it itself', async () => {
    const db = freshDb();
    // The fake browser runs no scripts in pages: the copy fails and the popup says so at once.
    await handOverPageCopy(db, 'r2', 7, { at: 1, estimate: async () => ({}) });
    expect(await takePageCopy(db, 'r2', 0)).toBeUndefined();
    expect(await db.evidence.count()).toBe(0);
  });

  it('is given up when the popup closed before it made one', async () => {
    const started = Date.now();
    expect(await takePageCopy(freshDb(), 'r3', 50, 10)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
