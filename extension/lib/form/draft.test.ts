import { afterEach, describe, expect, it } from 'vitest';
import { WebTaggerDb } from '../storage/db';
import { DEFAULT_FORM_VALUES } from './defaults';
import {
  clearDraft,
  DRAFT_TTL_MS,
  type Draft,
  draftKey,
  loadDraft,
  pruneDrafts,
  saveDraft,
} from './draft';
import { initialFormValues } from './values';

let db: WebTaggerDb;
let n = 0;
const freshDb = () => {
  db = new WebTaggerDb(`draft-test-${n++}`);
  return db;
};
afterEach(() => db?.delete());

const target = {
  reportId: '5d8b1a3e-2f4c-4b6d-8e9f-0a1b2c3d4e5f',
  url: 'https://example.kz/a',
  title: 'A',
  source: 'page' as const,
  capturedAt: '2026-11-24T10:00:00.000Z',
};
const draftOf = (note: string, savedAt = Date.now()): Draft => ({
  target,
  values: { ...initialFormValues(DEFAULT_FORM_VALUES, { languages: [] }), note },
  savedAt,
});

describe('draftKey', () => {
  it('keys a new report by its URL and an edit by its report', () => {
    expect(draftKey(target, false)).toBe('draft:page:https://example.kz/a');
    expect(draftKey(target, true)).toBe(`draft:report:${target.reportId}`);
    expect(draftKey({ ...target, reportId: 'other' }, false)).toBe(draftKey(target, false));
  });
});

describe('drafts', () => {
  it('come back as they were saved, under their key only', async () => {
    freshDb();
    await saveDraft(db, 'draft:page:a', draftOf('first'));
    await saveDraft(db, 'draft:page:a', draftOf('second'));
    expect((await loadDraft(db, 'draft:page:a'))?.values.note).toBe('second');
    expect(await loadDraft(db, 'draft:page:b')).toBeUndefined();
  });

  it('are gone once cleared', async () => {
    freshDb();
    await saveDraft(db, 'draft:page:a', draftOf('x'));
    await clearDraft(db, 'draft:page:a');
    expect(await loadDraft(db, 'draft:page:a')).toBeUndefined();
  });

  it('are forgotten after the TTL, and nothing else in meta is', async () => {
    freshDb();
    const now = Date.now();
    await saveDraft(db, 'draft:page:old', draftOf('old', now - DRAFT_TTL_MS - 1));
    await saveDraft(db, 'draft:page:new', draftOf('new', now));
    await db.meta.put({ key: 'lastUsed', value: DEFAULT_FORM_VALUES });
    expect(await pruneDrafts(db, now)).toBe(1);
    expect(await loadDraft(db, 'draft:page:old')).toBeUndefined();
    expect(await loadDraft(db, 'draft:page:new')).toBeDefined();
    expect(await db.meta.get('lastUsed')).toBeDefined();
  });
});
