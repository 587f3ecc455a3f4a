import { describe, expect, it } from 'vitest';
import { detectIbans, IBAN_LENGTHS, isValidIban } from './iban';

const values = (text: string) => detectIbans(text).map((f) => text.slice(f.start, f.end));

describe('isValidIban', () => {
  it('accepts IBANs whose mod-97 remainder is 1 and whose length is their country’s', () => {
    expect(isValidIban('KZ86125KZT5004100100')).toBe(true);
    expect(isValidIban('kz86125kzt5004100100')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('GB29NWBK60161331926819')).toBe(true);
  });

  it('rejects a wrong check, a wrong length, an unknown country or stray characters', () => {
    expect(isValidIban('KZ87125KZT5004100100')).toBe(false);
    expect(isValidIban('KZ86125KZT50041001000')).toBe(false);
    expect(isValidIban('QQ86125KZT5004100100')).toBe(false);
    expect(isValidIban('KZ86125KZT500410010-')).toBe(false);
  });

  it('knows the lengths of common IBAN countries', () => {
    expect(IBAN_LENGTHS).toMatchObject({ KZ: 20, DE: 22, GB: 22, TR: 26, UA: 29, BY: 28, RU: 33 });
  });
});

describe('detectIbans', () => {
  it.each([
    ['Перевод на счёт KZ86125KZT5004100100', 'KZ86125KZT5004100100'],
    ['IBAN: KZ86 125K ZT50 0410 0100, Kaspi', 'KZ86 125K ZT50 0410 0100'],
    ['счёт kz86125kzt5004100100.', 'kz86125kzt5004100100'],
    ['IBAN KZ86125KZT5004100100 KZT', 'KZ86125KZT5004100100'],
    ['Konto DE89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
  ])('finds the IBAN in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('is certain: the check digits vouch for it', () => {
    expect(detectIbans('KZ86125KZT5004100100')).toEqual([{ kind: 'iban', start: 0, end: 20 }]);
  });

  it('finds an IBAN right after a code that only looked like one', () => {
    expect(values('AB12 KZ86125KZT5004100100')).toEqual(['KZ86125KZT5004100100']);
  });

  it('does not find an IBAN with a wrong check, glued into a longer code or cut short', () => {
    expect(values('KZ87125KZT5004100100')).toEqual([]);
    expect(values('XKZ86125KZT5004100100')).toEqual([]);
    expect(values('KZ86125KZT5004100100X')).toEqual([]);
    expect(values('KZ86125KZT500410010')).toEqual([]);
  });

  it('ignores product codes and words that start like an IBAN', () => {
    expect(values('модель AB12 CDEF GHIJ KLMN OPQR, артикул SN12345678901234')).toEqual([]);
  });
});
