import { t } from '@/lib/i18n/i18n';
import type { VolumeItem } from '@/lib/volume/batch';

/** What the analyst should know of an item before tagging it: reported already, by them or anyone. */
export type ItemMark = 'own' | 'known';

type Props = {
  /** The items shown (a filter may hide others, which stay chosen). */
  items: readonly VolumeItem[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  /** Opens the item's own values ("Change for this page only"). */
  onEdit: (id: string) => void;
  marks: ReadonlyMap<string, ItemMark>;
  /** Items whose own values differ from the batch's. */
  changed: ReadonlySet<string>;
  /** Items that cannot be saved as they are. */
  faulty: ReadonlySet<string>;
  editing?: string;
  label: string;
};

/** The candidates as a list of checkboxes: title, address, marks, and a per-item change. */
export function ItemList(props: Props) {
  if (props.items.length === 0) {
    return (
      <p class="muted" data-testid="volume-empty">
        {t('volumeNothingToList')}
      </p>
    );
  }
  return (
    <ul class="volume-items" aria-label={props.label} data-testid="volume-items">
      {props.items.map((item) => {
        const checked = props.selected.has(item.id);
        const mark = props.marks.get(item.id);
        const faulty = props.faulty.has(item.id);
        return (
          <li
            key={item.id}
            class={`volume-item${props.editing === item.id ? ' editing' : ''}${faulty ? ' faulty' : ''}`}
            data-url={item.url}
          >
            <label class="check">
              <input
                type="checkbox"
                checked={checked}
                onChange={(event) => props.onToggle(item.id, event.currentTarget.checked)}
                data-testid="volume-item-check"
              />
              <span class="volume-item-text">
                <span class="title">{item.title || item.url}</span>
                <span class="url muted">{item.url}</span>
              </span>
            </label>
            <span class="volume-item-side">
              {mark && (
                <span class={`badge ${mark === 'own' ? 'sent' : 'decided'}`}>
                  {t(mark === 'own' ? 'volumeMarkOwn' : 'volumeMarkKnown')}
                </span>
              )}
              {props.changed.has(item.id) && (
                <span class="badge waiting">{t('volumeChanged')}</span>
              )}
              {faulty && (
                <span class="field-error" role="alert">
                  {t('volumeItemFaulty')}
                </span>
              )}
              {checked && (
                <button
                  type="button"
                  class="link"
                  onClick={() => props.onEdit(item.id)}
                  aria-label={t('volumeChangeOneFor', item.title || item.url)}
                >
                  {t('volumeChangeOne')}
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
