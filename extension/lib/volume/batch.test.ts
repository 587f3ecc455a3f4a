import { describe, expect, it } from 'vitest';
import { UNSEEN_VALUES } from '../form/defaults';
import { type FormValues, initialFormValues } from '../form/values';
import { saveReports } from '../storage/batch-save';
import { freshDb } from '../testing/fixtures';
import { changedFields, judgeBatch, type VolumeItem } from './batch';

const AT = Date.parse('2026-12-03T10:00:00Z');
const LAST = {
  resourceType: 'social_post' as const,
  languages: ['kk' as const],
  geography: { indicated: false as const },
  openness: 'closed' as const,
  availability: 'accessible' as const,
  topics: [],
};

const item = (n: number, own?: Partial<FormValues>): VolumeItem => ({
  id: crypto.randomUUID(),
  url: `https://mirror${n}.casino.example/`,
  title: `Зеркало ${n}`,
  ...(own ? { own } : {}),
});

describe('a batch of links', () => {
  const shared: FormValues = {
    ...initialFormValues(LAST, { languages: [] }, 'link'),
    topics: ['gambling'],
  };

  it('starts from "undetermined" and "unknown", nothing carried from the last report', () => {
    expect(shared).toMatchObject({
      languages: UNSEEN_VALUES.languages,
      openness: 'unknown',
      availability: 'unknown',
      resourceType: 'webpage',
    });
  });

  it('makes one report per item, an item changed alone keeping its own values', () => {
    const items = [item(1), item(2, { topics: ['fraud'], note: 'платёжная страница' }), item(3)];
    const judged = judgeBatch(items, shared, 'link', AT);
    if (!judged.ok) throw new Error('expected a valid batch');
    expect(judged.reports.map((r) => [r.id, r.url, r.source, r.topics, r.note])).toEqual([
      [items[0]!.id, items[0]!.url, 'link', ['gambling'], ''],
      [items[1]!.id, items[1]!.url, 'link', ['fraud'], 'платёжная страница'],
      [items[2]!.id, items[2]!.url, 'link', ['gambling'], ''],
    ]);
    expect(judged.reports[0]).toMatchObject({
      languages: ['und'],
      openness: 'unknown',
      capturedAt: '2026-12-03T10:00:00.000Z',
    });
    expect(changedFields(items[1]!, shared)).toEqual(['topics', 'note']);
    expect(changedFields(items[0]!, shared)).toEqual([]);
  });

  it('lets an item follow the batch in the fields it did not change', () => {
    const changedAlone = item(1, { note: 'только здесь' });
    const later = { ...shared, topics: ['drugs' as const], openness: 'public' as const };
    const judged = judgeBatch([changedAlone], later, 'link', AT);
    if (!judged.ok) throw new Error('expected a valid batch');
    expect(judged.reports[0]).toMatchObject({
      topics: ['drugs'],
      openness: 'public',
      note: 'только здесь',
    });
    expect(changedFields(item(2, { topics: ['gambling'] }), shared)).toEqual([]);
  });

  it('names each faulty item and saves none of the batch', () => {
    const items = [item(1), item(2, { topics: [] })];
    const judged = judgeBatch(items, shared, 'link', AT);
    expect(judged.ok).toBe(false);
    if (judged.ok) return;
    expect([...judged.errors]).toEqual([[items[1]!.id, { topics: 'errorTopicsRequired' }]]);
  });

  it('stores 60 reports with their upserts in one transaction', async () => {
    const db = freshDb();
    const items = Array.from({ length: 60 }, (_, n) => item(n));
    const judged = judgeBatch(items, shared, 'link', AT);
    if (!judged.ok) throw new Error('expected a valid batch');
    const capturing = new Set([items[0]!.id]);
    await saveReports(db, judged.reports, { at: AT, awaitCaptureOf: capturing });
    expect(await db.reports.count()).toBe(60);
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(60);
    expect(entries.filter((e) => e.awaitingCapture !== undefined).map((e) => e.reportId)).toEqual([
      items[0]!.id,
    ]);
    // A batch is not the single form's last used values.
    expect(await db.meta.get('lastUsed')).toBeUndefined();
  });

  it('stores nothing of a batch whose transaction fails midway', async () => {
    const db = freshDb();
    let count = 0;
    db.outbox.hook('creating', () => {
      count += 1;
      if (count === 3) throw new Error('disk full');
    });
    const judged = judgeBatch([item(1), item(2), item(3)], shared, 'link', AT);
    if (!judged.ok) throw new Error('expected a valid batch');
    await expect(saveReports(db, judged.reports, { at: AT })).rejects.toThrow('disk full');
    expect(await db.reports.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
