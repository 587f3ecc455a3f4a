import { t } from '@/lib/i18n/i18n';
import type { LinkFilter } from '@/lib/volume/link-filter';

type Props = {
  filter: LinkFilter;
  onChange: (filter: LinkFilter) => void;
  domains: { domain: string; count: number }[];
};

/** The link list's filters: words of the text or address, and the domain linked to. */
export function LinksFilter({ filter, onChange, domains }: Props) {
  return (
    <search class="grid-2 volume-filter">
      <div class="field">
        <label for="volume-filter-text">{t('volumeFilterText')}</label>
        <input
          id="volume-filter-text"
          type="search"
          value={filter.text}
          onInput={(event) => onChange({ ...filter, text: event.currentTarget.value })}
          data-testid="volume-filter-text"
        />
      </div>
      <div class="field">
        <label for="volume-filter-domain">{t('volumeFilterDomain')}</label>
        <select
          id="volume-filter-domain"
          value={filter.domain}
          onChange={(event) => onChange({ ...filter, domain: event.currentTarget.value })}
          data-testid="volume-filter-domain"
        >
          <option value="">{t('volumeAnyDomain')}</option>
          {domains.map(({ domain, count }) => (
            <option key={domain} value={domain}>
              {`${domain} (${count})`}
            </option>
          ))}
        </select>
      </div>
    </search>
  );
}
