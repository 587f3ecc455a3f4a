import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTRY_CODES, countryOptions, NEAR_COUNTRIES } from './countries';

describe('COUNTRY_CODES', () => {
  it('lists the 249 ISO 3166-1 codes once each, in the shape the report schema accepts', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(COUNTRY_CODES).toEqual(expect.arrayContaining([...NEAR_COUNTRIES]));
  });

  it('holds only codes the browser can name', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of COUNTRY_CODES) expect(names.of(code), code).not.toBe(code);
  });
});

describe('countryOptions', () => {
  it('offers Kazakhstan first, named in the UI language, and every country once', () => {
    const options = countryOptions('ru');
    expect(options[0]).toEqual({ code: 'KZ', name: 'Казахстан' });
    expect(options).toHaveLength(249);
    expect(options.find((o) => o.code === 'DE')?.name).toBe('Германия');
  });

  it('sorts the countries after the near ones by name', () => {
    const rest = countryOptions('en').slice(NEAR_COUNTRIES.length);
    const names = rest.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  afterEach(() => vi.unstubAllGlobals());

  it('names countries in English when the browser has no names in the UI language', () => {
    const Real = Intl.DisplayNames;
    // Chromium's trimmed ICU answers the code itself for Kazakh region names.
    class WithoutKazakh extends Real {
      constructor(locales: string[], options: Intl.DisplayNamesOptions) {
        super(locales, options);
        if (locales[0] === 'kk') this.of = (code: string) => code;
      }
    }
    vi.stubGlobal('Intl', { ...Intl, DisplayNames: WithoutKazakh });
    expect(countryOptions('kk')[0]).toEqual({ code: 'KZ', name: 'Kazakhstan' });
  });
});
