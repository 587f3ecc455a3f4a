import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ReportInput } from '#shared/schemas/report';
import type { Language, Topic } from '#shared/taxonomy';
import type { TargetPage } from '@/lib/capture/page-capture';
import {
  DEFAULT_FORM_VALUES,
  FREQUENT_TOPIC_COUNT,
  rankTopics,
  suggestedTopics,
} from '@/lib/form/defaults';
import { clearDraft, type Draft, draftKey, loadDraft, saveDraft } from '@/lib/form/draft';
import { afterFormReady, FORM_WAIT_MS } from '@/lib/form/ready';
import type { FieldErrors } from '@/lib/form/validation';
import {
  type FormTarget,
  type FormValues,
  formValuesOf,
  initialFormValues,
  type PageHints,
  type SuggestedField,
  targetOf,
} from '@/lib/form/values';
import type { LocalReport } from '@/lib/storage/db';
import type { DbOpener } from '@/lib/storage/local-db';
import { readMeta } from '@/lib/storage/meta';

/** What the form is about: a page (or link) to tag, or a stored report to edit. */
export type FormSubject =
  | { kind: 'page'; page: TargetPage }
  | { kind: 'edit'; report: LocalReport };

type Loaded = {
  values: FormValues;
  target: FormTarget;
  key: string;
  frequent: Topic[];
  /** One-click suggestions, never ticked for the analyst: the last used and frequent topics. */
  topicOffers: Topic[];
  /** The last report's languages, offered while this page has not said its own. */
  languageOffers: Language[];
  /** The fields that hold a suggestion the analyst has not confirmed by touching it. */
  suggested: Partial<Record<SuggestedField, true>>;
  /** A draft left by a popup that closed was brought back. */
  restored: boolean;
};

type Validator = typeof import('@/lib/form/validation');
// Zod is not needed to paint the form: the validator loads once it is painted, before anyone can
// click (a click before that loads it on demand).
const loadValidator = (): Promise<Validator> => import('@/lib/form/validation');
// Nor is the code that saves: it loads with the validator, so Save never waits for it.
const loadSaving = () => import('@/lib/storage/reports');

type Deps = {
  db: DbOpener;
  now(): number;
  readHints: (page: TargetPage) => Promise<PageHints>;
};

/**
 * What the form starts from: its draft, the topic usage and the last used values, read without
 * Dexie (the popup's first paint waits for this, targets.md P4).
 */
async function readStart(db: DbOpener, key: string) {
  const [draft, [usage, lastUsed]] = await Promise.all([
    loadDraft(db, key),
    readMeta(db.name, ['topicUsage', 'lastUsed']),
  ]);
  const frequent = rankTopics(usage, FREQUENT_TOPIC_COUNT);
  return {
    draft,
    frequent,
    lastUsed: lastUsed ?? DEFAULT_FORM_VALUES,
    topicOffers: suggestedTopics(lastUsed?.topics ?? [], frequent),
  };
}

async function load(db: DbOpener, subject: FormSubject, now: number): Promise<Loaded> {
  if (subject.kind === 'edit') {
    const target = targetOf(subject.report);
    const key = draftKey(target, true);
    const { draft, frequent, topicOffers } = await readStart(db, key);
    const values = draft?.values ?? formValuesOf(subject.report);
    const offers = { topicOffers, languageOffers: [], suggested: {} };
    return { values, target, key, frequent, ...offers, restored: !!draft };
  }
  const { page } = subject;
  const key = draftKey({ reportId: '', url: page.url }, false);
  const { draft, frequent, lastUsed, topicOffers } = await readStart(db, key);
  const languageOffers = lastUsed.languages.filter((l) => l !== 'und');
  if (draft) {
    return { ...draft, key, frequent, topicOffers, languageOffers, suggested: {}, restored: true };
  }
  const target: FormTarget = {
    reportId: crypto.randomUUID(),
    url: page.url,
    title: page.title,
    source: page.source,
    capturedAt: new Date(now).toISOString(),
  };
  // What the analyst sees on the page may still be what the last report said: marked suggested.
  const seen = page.source === 'page';
  return {
    values: initialFormValues(lastUsed, { languages: [] }, page.source),
    target,
    key,
    frequent,
    topicOffers,
    languageOffers,
    suggested: seen ? { resourceType: true, openness: true, availability: true } : {},
    restored: false,
  };
}

type Preloaded = { url: string; loaded: Promise<Loaded> };
let preloaded: Preloaded | undefined;

/**
 * Starts reading what the form for a page needs (its draft, the last used values)
 * while the popup still checks the session: the form then paints as soon as it mounts.
 */
export function preloadForm(db: DbOpener, page: TargetPage, now: number): void {
  const loaded = load(db, { kind: 'page', page }, now);
  loaded.catch(() => undefined);
  preloaded = { url: page.url, loaded };
}

/** The preloaded data for this subject, once: a second start (a discarded draft) reads afresh. */
function takePreloaded(subject: FormSubject): Preloaded | undefined {
  const found = preloaded;
  preloaded = undefined;
  return subject.kind === 'page' && found?.url === subject.page.url ? found : undefined;
}

/**
 * The tagging form's state: its values (pre-filled from the draft, or from the last used values
 * and the page's hints), their draft kept in `meta` on every change, validation against the
 * shared schema, and the saved report.
 */
export function useReportForm(subject: FormSubject, deps: Deps) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [errors, setErrors] = useState<FieldErrors>({});
  // The latest state, for changes that arrive between renders (typing, hints, the draft).
  const current = useRef<Loaded>();
  const touched = useRef(new Set<keyof FormValues>());
  const validator = useRef<Validator>();
  const submitted = useRef(false);

  const commit = (next: Loaded) => {
    current.current = next;
    setLoaded(next);
  };

  async function start(isMounted: () => boolean) {
    const early = takePreloaded(subject);
    const state = await (early?.loaded ?? load(deps.db, subject, deps.now()));
    if (!isMounted()) return;
    commit(state);
    await afterFormReady(FORM_WAIT_MS);
    if (!isMounted()) return;
    // The page's hints come from a script run in its tab: asked only now, so that the tab's
    // process and the browser serve the form first (targets.md P4).
    const hints =
      subject.kind === 'page' && !state.restored ? deps.readHints(subject.page) : undefined;
    void loadSaving();
    validator.current ??= await loadValidator();
    const hint = await hints?.catch(() => undefined);
    if (isMounted() && hint) applyHints(hint);
  }

  // A layout effect starts at once, not a frame later: the popup opens on this (targets.md P4).
  useLayoutEffect(() => {
    let mounted = true;
    void start(() => mounted);
    return () => {
      mounted = false;
    };
  }, []);

  /** The page's suggestions replace only what the analyst has not touched yet. */
  function applyHints(hints: PageHints) {
    const state = current.current;
    if (!state) return;
    // Only a page the analyst looks at speaks for its language; a link's target was not opened.
    const seen = subject.kind === 'page' && subject.page.source === 'page';
    const languages = seen && hints.languages.length > 0 && !touched.current.has('languages');
    const geography = !!hints.geography && !touched.current.has('geoIndicated');
    const values = { ...state.values };
    if (languages) values.languages = hints.languages;
    if (hints.geography && geography) {
      values.geoIndicated = true;
      values.country = hints.geography.country;
      values.region = hints.geography.region ?? '';
    }
    const suggested = { ...state.suggested };
    if (languages) suggested.languages = true;
    if (hints.geography && geography) suggested.geography = true;
    commit({ ...state, values, suggested });
  }

  function revalidate(values: FormValues, target: FormTarget) {
    if (!submitted.current || !validator.current) return;
    const result = validator.current.validateForm(values, target);
    setErrors(result.ok ? {} : result.errors);
  }

  /** Changes some values and keeps the draft. */
  function update(change: Partial<FormValues>) {
    const state = current.current;
    if (!state) return;
    const suggested = { ...state.suggested };
    for (const key of Object.keys(change)) {
      touched.current.add(key as keyof FormValues);
      delete suggested[
        key === 'geoIndicated' || key === 'country' ? 'geography' : (key as SuggestedField)
      ];
    }
    const values = { ...state.values, ...change };
    commit({ ...state, values, suggested });
    revalidate(values, state.target);
    const draft: Draft = { target: state.target, values, savedAt: deps.now() };
    void deps.db.dexie().then((db) => saveDraft(db, state.key, draft));
  }

  /** Validates with the shared schema: the report to save, or undefined with the errors shown. */
  async function validate(): Promise<ReportInput | undefined> {
    const state = current.current;
    if (!state) return undefined;
    submitted.current = true;
    validator.current ??= await loadValidator();
    const result = validator.current.validateForm(state.values, state.target);
    setErrors(result.ok ? {} : result.errors);
    return result.ok ? result.report : undefined;
  }

  /** Forgets the draft once the report is saved. */
  async function forgetDraft() {
    if (current.current) await clearDraft(await deps.db.dexie(), current.current.key);
  }

  /** Throws the restored draft away and starts again from the pre-filled values. */
  async function discardDraft() {
    await forgetDraft();
    touched.current.clear();
    submitted.current = false;
    setErrors({});
    await start(() => true);
  }

  const suggested = loaded?.suggested ?? {};
  return { loaded, errors, suggested, update, validate, forgetDraft, discardDraft };
}
