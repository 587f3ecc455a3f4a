import { describe, expect, it } from 'vitest';
import { detectCards, isLuhnValid, isPlausibleCardNumber } from './card';

const values = (text: string) => detectCards(text).map((f) => text.slice(f.start, f.end));

/** Appends the Luhn check digit to a number without one. */
function withLuhnDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    if (isLuhnValid(body + digit)) return body + digit;
  }
  throw new Error('unreachable: one digit always completes the Luhn sum');
}

describe('isPlausibleCardNumber', () => {
  it('accepts Luhn-valid numbers of 13 to 19 digits from card issuers', () => {
    expect(isPlausibleCardNumber('4400879217421804')).toBe(true);
    expect(isPlausibleCardNumber('378282246310005')).toBe(true);
    expect(isPlausibleCardNumber(withLuhnDigit('220070123456789012'))).toBe(true);
    expect(isPlausibleCardNumber(withLuhnDigit('400000000001'))).toBe(true);
  });

  it('rejects a failed Luhn check, a length out of range or an issuer digit out of range', () => {
    expect(isPlausibleCardNumber('4400879217421805')).toBe(false);
    expect(isPlausibleCardNumber(withLuhnDigit('44008792174'))).toBe(false);
    expect(isPlausibleCardNumber(withLuhnDigit('4400879217421804123'))).toBe(false);
    for (const first of '01789') {
      expect(isPlausibleCardNumber(withLuhnDigit(`${first}400879217421804`.slice(0, 15)))).toBe(
        false,
      );
    }
  });

  it('rejects one digit repeated even when it passes the Luhn check', () => {
    for (const digits of ['22222222222222222', '44444444444444444', '6666666666666']) {
      expect(isLuhnValid(digits)).toBe(true);
      expect(isPlausibleCardNumber(digits)).toBe(false);
    }
  });
});

describe('detectCards', () => {
  it.each([
    ['Карта для оплаты 4400 8792 1742 1804', '4400 8792 1742 1804'],
    ['карта 4400-8792-1742-1804.', '4400-8792-1742-1804'],
    ['на карту 4400879217421804', '4400879217421804'],
    ['Amex 3782 822463 10005', '3782 822463 10005'],
    ['карта 4400879217421804 12/25', '4400879217421804'],
  ])('finds the card number in %j', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('finds a 19-digit card printed as four groups of four and one of three', () => {
    const digits = withLuhnDigit('220070123456789012');
    const printed = digits.replace(/(\d{4})(\d{4})(\d{4})(\d{4})(\d{3})/, '$1 $2 $3 $4 $5');
    expect(values(`Мир ${printed}`)).toEqual([printed]);
  });

  it('is certain when grouped or named and less so as a bare run of digits', () => {
    expect(detectCards('4400 8792 1742 1804')[0]?.confidence).toBeUndefined();
    expect(detectCards('карта 4400879217421804')[0]?.confidence).toBeUndefined();
    expect(detectCards('прислал 4400879217421804')[0]?.confidence).toBe(0.8);
  });

  it('does not find numbers that only look like cards', () => {
    for (const text of [
      'Номер заказа 4400 8792 1742 1804',
      'заказ 4400879217421804',
      'order 4400879217421804',
      '№ 4400879217421804',
      'ID 4400879217421804',
      'карта 4400 8792 1742 1805',
      '4400 8792-1742 1804',
      '44 0087 9217 4218 04',
      'https://shop.kz/item/4400879217421804',
      'трек RR4400879217421804KZ',
      'ИИН 880412378771',
      '1710240000000',
    ]) {
      expect(values(text), text).toEqual([]);
    }
  });
});
