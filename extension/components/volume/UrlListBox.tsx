import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues } from '@/lib/form/values';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { WebTaggerDb } from '@/lib/storage/db';
import { loadListDraft, saveListDraft } from '@/lib/volume/list-draft';
import {
  duplicateCount,
  parseUrlList,
  type UrlLineProblem,
  unsavedText,
} from '@/lib/volume/url-list';
import type { PageDeps } from '../deps';
import { ClassificationFields } from '../form/ClassificationFields';
import { BatchProgressLine, BatchSyncLine } from './BatchProgressLine';
import { type BatchProgress, saveBatch } from './save-batch';
import type { StartValues } from './start-values';

const PROBLEM_MESSAGE: Record<UrlLineProblem, MessageKey> = {
  not_url: 'volumeLineNotUrl',
  not_http: 'volumeLineNotHttp',
  too_long: 'volumeLineTooLong',
  duplicate: 'volumeLineDuplicate',
};

type Props = {
  deps: Pick<PageDeps, 'db' | 'now' | 'send'>;
  dexie: WebTaggerDb;
  start: StartValues;
};

/**
 * A pasted list of addresses, one per line, all with the same values. Save stores the valid lines
 * as link reports and leaves the others in the box, each with its error, to be fixed and saved
 * again; the box and the values are kept as a draft on every change.
 */
export function UrlListBox({ deps, dexie, start }: Props) {
  const [text, setText] = useState<string>();
  const [values, setValues] = useState<FormValues>(start.values);
  const [checked, setChecked] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<BatchProgress>();
  const [savedIds, setSavedIds] = useState<string[]>([]);
  const [merged, setMerged] = useState(0);
  const busy = useRef(false);
  // Whether the last change is written: the page says so (data-draft), as a closed window keeps
  // only what reached the database.
  const [draftKept, setDraftKept] = useState(true);
  const writes = useRef(0);

  useEffect(() => {
    void loadListDraft(deps.db).then((draft) => {
      setText(draft?.text ?? '');
      if (draft) setValues(draft.values);
    });
  }, []);
  const keep = (next: { text?: string; values?: FormValues }) => {
    const draft = { text: next.text ?? text ?? '', values: next.values ?? values };
    const write = ++writes.current;
    setDraftKept(false);
    void saveListDraft(dexie, { ...draft, savedAt: deps.now() }).then(() => {
      if (write === writes.current) setDraftKept(true);
    });
  };
  const parsed = useMemo(() => parseUrlList(text ?? ''), [text]);
  if (text === undefined) return <div aria-busy="true" />;

  const onText = (next: string) => {
    setText(next);
    keep({ text: next });
  };
  const update = (change: Partial<FormValues>) => {
    const next = { ...values, ...change };
    setValues(next);
    keep({ values: next });
  };

  async function save(event?: Event) {
    event?.preventDefault();
    setChecked(true);
    if (busy.current || parsed.valid.length === 0) return;
    busy.current = true;
    try {
      const items = parsed.valid.map((line) => ({
        id: crypto.randomUUID(),
        url: line.url,
        title: line.url,
      }));
      const outcome = await saveBatch(deps, items, values, 'link', setProgress);
      if (!outcome.ok) {
        setFieldErrors(outcome.errors.values().next().value ?? {});
        return;
      }
      setFieldErrors({});
      setSavedIds((ids) => [...ids, ...outcome.reports.map((r) => r.id)]);
      setMerged(duplicateCount(parsed));
      onText(unsavedText(parsed));
    } finally {
      busy.current = false;
    }
  }

  // Shown from the first Save on (then as the box changes): shown on leaving the box, they would
  // push the fields below away from under the pointer that is about to click one.
  const showErrors = checked && parsed.invalid.length > 0;
  return (
    <form
      class="volume-form"
      onSubmit={save}
      noValidate
      data-draft={draftKept ? 'kept' : 'writing'}
    >
      <div class="field">
        <label for="volume-list">{t('volumeListLabel')}</label>
        <p class="hint" id="volume-list-hint">
          {t('volumeListHint')}
        </p>
        <textarea
          id="volume-list"
          name="urlList"
          rows={10}
          spellcheck={false}
          value={text}
          onInput={(event) => onText(event.currentTarget.value)}
          aria-describedby={showErrors ? 'volume-list-hint volume-list-errors' : 'volume-list-hint'}
          aria-invalid={showErrors ? 'true' : undefined}
          data-testid="volume-list"
        />
        <p class="muted" aria-live="polite" data-testid="volume-list-count">
          {t('volumeListCount', [String(parsed.valid.length), String(parsed.invalid.length)])}
        </p>
        {showErrors && (
          <ul class="volume-line-errors" id="volume-list-errors" data-testid="volume-line-errors">
            {parsed.invalid.map((line) => (
              <li key={line.line} class="field-error" data-line={line.line}>
                {t(PROBLEM_MESSAGE[line.problem], [String(line.line), String(line.sameAs ?? '')])}
                <span class="muted"> {line.text.trim()}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <fieldset class="volume-values">
        <legend>{t('volumeValuesOfAll')}</legend>
        <ClassificationFields
          values={values}
          onChange={update}
          errors={fieldErrors}
          frequent={start.frequent}
          offers={start.offers}
          onSubmitShortcut={() => void save()}
        />
      </fieldset>
      {progress && <BatchProgressLine progress={progress} />}
      {merged > 0 && (
        <p class="muted" data-testid="volume-merged">
          {t('volumeDuplicatesMerged', String(merged))}
        </p>
      )}
      {savedIds.length > 0 && <BatchSyncLine db={dexie} ids={savedIds} now={deps.now} />}
      <div class="actions">
        <button type="submit" disabled={parsed.valid.length === 0} data-testid="volume-save">
          {t('volumeSaveCount', String(parsed.valid.length))}
        </button>
      </div>
    </form>
  );
}
