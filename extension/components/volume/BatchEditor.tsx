import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { ReportSource } from '#shared/taxonomy';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues } from '@/lib/form/values';
import { t } from '@/lib/i18n/i18n';
import type { WebTaggerDb } from '@/lib/storage/db';
import { changedFields, type VolumeItem, valuesOf } from '@/lib/volume/batch';
import type { PageDeps } from '../deps';
import { ClassificationFields } from '../form/ClassificationFields';
import { BatchProgressLine, BatchSyncLine } from './BatchProgressLine';
import { ItemList, type ItemMark } from './ItemList';
import { type BatchProgress, saveBatch } from './save-batch';
import type { StartValues } from './start-values';

type Props = {
  deps: Pick<PageDeps, 'db' | 'now' | 'send'>;
  dexie: WebTaggerDb;
  source: ReportSource;
  /** Every candidate, and those the filters show (chosen items stay chosen when hidden). */
  candidates: readonly VolumeItem[];
  visible: readonly VolumeItem[];
  marks: ReadonlyMap<string, ItemMark>;
  start: StartValues;
  listLabel: string;
  /** Tag again: the source lists its candidates anew (new ids, fresh marks). */
  onAgain: () => void;
  children?: ComponentChildren;
};

/**
 * Choose items, classify them once, change any item alone, save one report per item. The values'
 * panel edits the batch's values, or one item's own ("Change for this page only").
 */
export function BatchEditor(props: Props) {
  const { source, start } = props;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shared, setShared] = useState<FormValues>(start.values);
  const [own, setOwn] = useState<ReadonlyMap<string, Partial<FormValues>>>(new Map());
  const [editing, setEditing] = useState<string>();
  const [errors, setErrors] = useState<Map<string, FieldErrors>>(new Map());
  const [progress, setProgress] = useState<BatchProgress>();
  const [savedIds, setSavedIds] = useState<string[]>();

  const withOwn = (item: VolumeItem): VolumeItem => {
    const changes = own.get(item.id);
    return changes ? { ...item, own: changes } : item;
  };
  const chosen = props.candidates.filter((item) => selected.has(item.id)).map(withOwn);
  const changed = useMemo(
    () => new Set(chosen.filter((i) => changedFields(i, shared).length > 0).map((i) => i.id)),
    [chosen, shared],
  );
  const editedItem = editing ? props.candidates.find((i) => i.id === editing) : undefined;
  const values = editedItem ? valuesOf(withOwn(editedItem), shared) : shared;
  // The batch's values show the errors of the items that take them.
  const sharedErrors = chosen.find((i) => !i.own && errors.has(i.id));
  const shownErrors =
    (editedItem ? errors.get(editedItem.id) : errors.get(sharedErrors?.id ?? '')) ?? {};
  const faulty = new Set([...errors.keys()].filter((id) => own.has(id)));

  const update = (change: Partial<FormValues>) => {
    // An item keeps only what was changed for it: the rest follows the batch's values.
    if (editedItem)
      setOwn(new Map(own).set(editedItem.id, { ...own.get(editedItem.id), ...change }));
    else setShared({ ...shared, ...change });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    if (!on && editing === id) setEditing(undefined);
  };
  const chooseShown = (on: boolean) => {
    const next = new Set(selected);
    for (const item of props.visible) on ? next.add(item.id) : next.delete(item.id);
    setSelected(next);
  };
  const sameAsOthers = () => {
    if (!editedItem) return;
    const next = new Map(own);
    next.delete(editedItem.id);
    setOwn(next);
    setEditing(undefined);
  };

  async function save(event?: Event) {
    event?.preventDefault();
    if (progress || chosen.length === 0) return;
    const outcome = await saveBatch(props.deps, chosen, shared, source, setProgress);
    if (!outcome.ok) {
      setProgress(undefined);
      setErrors(outcome.errors);
      return;
    }
    setErrors(new Map());
    setSavedIds(outcome.reports.map((r) => r.id));
  }

  if (savedIds && progress) {
    return (
      <section class="volume-done" data-testid="volume-done">
        <BatchProgressLine progress={progress} />
        <BatchSyncLine db={props.dexie} ids={savedIds} now={props.deps.now} />
        <div class="actions">
          <button type="button" onClick={props.onAgain} data-testid="volume-again">
            {t('volumeAgain')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <form class="volume-form" onSubmit={save} noValidate>
      {props.children}
      <div class="actions volume-toolbar">
        <button type="button" class="secondary" onClick={() => chooseShown(true)}>
          {t('volumeChooseShown')}
        </button>
        <button type="button" class="secondary" onClick={() => chooseShown(false)}>
          {t('volumeClearShown')}
        </button>
        <span class="muted" aria-live="polite" data-testid="volume-chosen">
          {t('volumeChosenCount', [String(selected.size), String(props.candidates.length)])}
        </span>
      </div>
      <ItemList
        items={props.visible}
        selected={selected}
        onToggle={toggle}
        onEdit={setEditing}
        marks={props.marks}
        changed={changed}
        faulty={faulty}
        editing={editing}
        label={props.listLabel}
      />
      <fieldset class="volume-values" data-testid="volume-values">
        <legend>
          {editedItem
            ? t('volumeValuesOfOne', editedItem.title || editedItem.url)
            : t('volumeValuesOfAll')}
        </legend>
        {editedItem && (
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => setEditing(undefined)}
              data-testid="volume-back-to-all"
            >
              {t('volumeBackToAll')}
            </button>
            <button type="button" class="secondary" onClick={sameAsOthers}>
              {t('volumeSameAsOthers')}
            </button>
          </div>
        )}
        <ClassificationFields
          values={values}
          onChange={update}
          errors={shownErrors}
          frequent={start.frequent}
          offers={start.offers}
          onSubmitShortcut={() => void save()}
        />
        {source === 'page' && !editedItem && (
          <label class="check">
            <input
              type="checkbox"
              name="captureEvidence"
              checked={shared.captureEvidence}
              onChange={(event) => update({ captureEvidence: event.currentTarget.checked })}
            />
            {t('volumeCaptureEach')}
          </label>
        )}
      </fieldset>
      {errors.size > 0 && (
        <p class="field-error" role="alert" data-testid="volume-errors">
          {t('volumeFixItems', String(errors.size))}
        </p>
      )}
      {progress && <BatchProgressLine progress={progress} />}
      <div class="actions">
        <button
          type="submit"
          disabled={!!progress || chosen.length === 0}
          data-testid="volume-save"
        >
          {t('volumeSaveCount', String(chosen.length))}
        </button>
      </div>
    </form>
  );
}
