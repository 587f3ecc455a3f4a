import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { KZ_REGION_CODES, KZ_REGIONS, type KzRegion } from '#shared/taxonomy';
import { countryOptions } from '@/lib/form/countries';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues } from '@/lib/form/values';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { errorAttributes, FieldError, fieldId } from './FieldError';

type GeographyValues = Pick<FormValues, 'geoIndicated' | 'country' | 'region' | 'locality'>;

type Props = {
  value: GeographyValues;
  onChange: (change: Partial<GeographyValues>) => void;
  /** Whether the page's address or title suggested the place. */
  suggested: boolean;
  errors: FieldErrors;
  /** Rendered under the locality: the personal-data warning of what was typed there. */
  localityWarning?: ComponentChildren;
};

/** Geography, only when the material openly indicates it: country, KZ region, locality. */
export function GeographyFields({ value, onChange, suggested, errors, localityWarning }: Props) {
  const locale = uiLocale();
  const countries = useMemo(
    () => (value.geoIndicated ? countryOptions(locale) : []),
    [value.geoIndicated, locale],
  );
  return (
    <fieldset class="field geography">
      <legend>{t('geographyLabel')}</legend>
      <label class="check">
        <input
          type="checkbox"
          name="geoIndicated"
          checked={value.geoIndicated}
          onChange={(event) => onChange({ geoIndicated: event.currentTarget.checked })}
        />
        {t('geographyIndicated')}
      </label>
      {value.geoIndicated && (
        <div class="grid-2">
          <div class="field">
            <label for={fieldId('country')}>{t('countryLabel')}</label>
            <select
              id={fieldId('country')}
              name="country"
              value={value.country}
              onChange={(event) => onChange({ country: event.currentTarget.value })}
              {...errorAttributes('country', errors.country)}
            >
              <option value="">{t('chooseCountry')}</option>
              {countries.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <FieldError name="country" error={errors.country} />
          </div>
          {value.country === 'KZ' && (
            <div class="field">
              <label for={fieldId('region')}>{t('regionLabel')}</label>
              <select
                id={fieldId('region')}
                name="region"
                value={value.region}
                onChange={(event) => onChange({ region: event.currentTarget.value as KzRegion })}
                {...errorAttributes('region', errors.region)}
              >
                <option value="">{t('regionNotIndicated')}</option>
                {KZ_REGION_CODES.map((code) => (
                  <option key={code} value={code}>
                    {labelOf(KZ_REGIONS, code, locale)}
                  </option>
                ))}
              </select>
              <FieldError name="region" error={errors.region} />
            </div>
          )}
          <div class="field wide">
            <label for={fieldId('locality')}>{t('localityLabel')}</label>
            <input
              id={fieldId('locality')}
              name="locality"
              value={value.locality}
              onInput={(event) => onChange({ locality: event.currentTarget.value })}
              {...errorAttributes('locality', errors.locality)}
            />
            <FieldError name="locality" error={errors.locality} />
            {localityWarning}
          </div>
        </div>
      )}
      {suggested && value.geoIndicated && <p class="hint">{t('geographySuggested')}</p>}
    </fieldset>
  );
}
