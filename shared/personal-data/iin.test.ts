import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectIins, iinCheckDigit, isValidIin } from './iin';

/** Completes 11 digits with the check digit they call for (null when there is none). */
function withCheckDigit(first11: string): string | null {
  const check = iinCheckDigit(Array.from(first11, Number));
  return check === null ? null : first11 + check;
}

const values = (text: string) => detectIins(text).map((f) => text.slice(f.start, f.end));

describe('isValidIin', () => {
  it('accepts real-shaped IINs with a valid check digit', () => {
    expect(isValidIin('880412378771')).toBe(true);
    expect(isValidIin('010903689329')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidIin('880412378772')).toBe(false);
    expect(isValidIin('010903689320')).toBe(false);
  });

  it('uses the second weights when the first sum gives 10', () => {
    // 1·9+2·0+3·0+4·5+5·1+6·5+7·3+8·0+9·0+10·9+11·0 = 175 ≡ 10 (mod 11); the second weights give 8.
    expect(isValidIin('900515300908')).toBe(true);
    expect(isValidIin('900515300910')).toBe(false);
  });

  it('rejects every check digit when both weightings give 10', () => {
    expect(iinCheckDigit(Array.from('90051530091', Number))).toBeNull();
    for (let last = 0; last <= 9; last++) expect(isValidIin(`90051530091${last}`)).toBe(false);
  });

  it('rejects a BIN even when its check digit is valid', () => {
    // Digit 5 is 4: an organisation registered in April 2009.
    expect(iinCheckDigit(Array.from('09044000000', Number))).toBe(0);
    expect(isValidIin('090440000000')).toBe(false);
  });

  it('rejects impossible birth dates and centuries even with a valid check digit', () => {
    for (const first11 of [
      '88131237877', // month 13
      '88043237877', // 32 April
      '88023037877', // 30 February
      '01022957877', // 29 February 2001 (century digit 5)
      '00022937877', // 29 February 1900 (century digit 3): 1900 was not a leap year
      '88041207877', // century digit 0
      '88041277877', // century digit 7
    ]) {
      const iin = withCheckDigit(first11);
      expect(iin, first11).not.toBeNull();
      expect(isValidIin(iin!), first11).toBe(false);
    }
    expect(isValidIin(withCheckDigit('00022957877')!)).toBe(true); // 29 February 2000
  });

  it('rejects anything that is not exactly 12 digits', () => {
    for (const text of ['88041237877', '8804123787711', '880412 378771', '88041237877a']) {
      expect(isValidIin(text)).toBe(false);
    }
  });

  it('accepts any plausible birth date, century and serial completed with its check digit', () => {
    const first11 = fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(
        ([yy, mm, dd, century, serial]) =>
          [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join('') +
          century +
          String(serial).padStart(4, '0'),
      );
    fc.assert(
      fc.property(first11, (digits) => {
        const iin = withCheckDigit(digits);
        if (iin === null) return;
        expect(isValidIin(iin)).toBe(true);
        expect(isValidIin(iin.slice(0, 11) + ((Number(iin[11]) + 1) % 10))).toBe(false);
      }),
    );
  });
});

describe('detectIins', () => {
  it('finds an IIN written as one run, in groups of six or with a hyphen', () => {
    expect(values('свой ИИН 880412378771 в описании')).toEqual(['880412378771']);
    expect(values('ЖСН: 010903 689329')).toEqual(['010903 689329']);
    expect(values('ИИН 880412-378771.')).toEqual(['880412-378771']);
    expect(values('ИИН 8804 1237 8771')).toEqual(['8804 1237 8771']);
  });

  it('finds an IIN next to other numbers without taking them in', () => {
    expect(values('ИИН 880412378771 2023 г.')).toEqual(['880412378771']);
    expect(values('1) 880412378771, 2) 010903689329')).toEqual(['880412378771', '010903689329']);
  });

  it('is certain after ИИН, ЖСН or IIN and a little less without them', () => {
    expect(detectIins('IIN: 880412378771')).toEqual([{ kind: 'iin', start: 5, end: 17 }]);
    expect(detectIins('ЖСН 880412378771')[0]?.confidence).toBeUndefined();
    expect(detectIins('владелец 880412378771')[0]?.confidence).toBe(0.9);
  });

  it('does not find an IIN inside a longer run of digits', () => {
    expect(values('8804123787711')).toEqual([]);
    expect(values('98804123787710')).toEqual([]);
  });

  it('does not find a company BIN, an order number or a wrong check digit', () => {
    expect(values('БИН 090440000000')).toEqual([]);
    expect(values('Номер заказа 967929081003 в описании товара')).toEqual([]);
    expect(values('ИИН 880412378772')).toEqual([]);
  });

  it('leaves a checksum-valid number labelled as an order or a case alone', () => {
    expect(values('Номер заказа 880412378771')).toEqual([]);
    expect(values('артикул 880412378771')).toEqual([]);
  });

  it('does not take a post or file id inside a link for an IIN, but reads one glued to its word', () => {
    expect(values('https://t.me/c/880412378771 и ?id=880412378771')).toEqual([]);
    expect(values('ИИН880412378771')).toEqual(['880412378771']);
  });

  it('finds the IIN of a customer: a word that only starts like a label is not one', () => {
    expect(values('ИИН заказчика 880412378771')).toEqual(['880412378771']);
  });

  it('still finds an IIN labelled ИНН or БИН, as individual entrepreneurs use their IIN', () => {
    expect(values('ИП, ИНН 880412378771')).toEqual(['880412378771']);
    expect(values('БИН 880412378771')).toEqual(['880412378771']);
  });
});
