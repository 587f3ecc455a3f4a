import { describe, expect, it } from 'vitest';
import { hasDomesticPhoneShape, phoneShapedSpans } from './phone-shapes';

const shaped = (text: string) => phoneShapedSpans(text).map((s) => text.slice(s.start, s.end));

describe('hasDomesticPhoneShape', () => {
  it('accepts 11 digits from 7 or 8, 10 digits from 3, 4, 7, 8 or 9, and 810 before a number', () => {
    expect(hasDomesticPhoneShape('870', 11)).toBe(true);
    expect(hasDomesticPhoneShape('770', 11)).toBe(true);
    expect(hasDomesticPhoneShape('701', 10)).toBe(true);
    expect(hasDomesticPhoneShape('495', 10)).toBe(true);
    expect(hasDomesticPhoneShape('810', 15)).toBe(true);
  });

  it('rejects other lengths and starts: IINs, cards, counts', () => {
    expect(hasDomesticPhoneShape('880', 12)).toBe(false);
    expect(hasDomesticPhoneShape('440', 16)).toBe(false);
    expect(hasDomesticPhoneShape('170', 10)).toBe(false);
    expect(hasDomesticPhoneShape('970', 11)).toBe(false);
    expect(hasDomesticPhoneShape('810', 9)).toBe(false);
  });
});

describe('phoneShapedSpans', () => {
  it('picks out the phone-shaped part of a run of numbers', () => {
    expect(shaped('2023 87012345678')).toEqual(['87012345678']);
    expect(shaped('12.03.2024 8 701 234 56 78')).toEqual(['8 701 234 56 78']);
    expect(shaped('8 701 234 56 78 8 702 345 67 89')).toEqual([
      '8 701 234 56 78',
      '8 702 345 67 89',
    ]);
  });

  it('keeps the opening bracket of an area code and the plus of an international number', () => {
    expect(shaped('(701) 234-56-78')).toEqual(['(701) 234-56-78']);
    expect(shaped('8 (727) 250-11-22')).toEqual(['8 (727) 250-11-22']);
    expect(shaped('+996 555 123 456')).toEqual(['+996 555 123 456']);
  });

  it('passes over IINs, cards, dates, years and single digits', () => {
    expect(shaped('880412378771 4400 8792 1742 1804 12.03.2024 10:30')).toEqual([]);
    expect(shaped('2019 2020 2021 2022 1 2 3 4 5 6 7 8 9 10 11 12')).toEqual([]);
  });

  it('caps a long "+" span instead of handing digit soup to the library', () => {
    const [span] = phoneShapedSpans(`+${'1 '.repeat(1000)}`);
    expect(span!.end - span!.start).toBeLessThanOrEqual(32);
  });
});
