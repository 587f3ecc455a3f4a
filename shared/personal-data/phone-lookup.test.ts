import { describe, expect, it } from 'vitest';
import { lookUpPhones } from './phone-lookup';

describe('lookUpPhones', () => {
  it('maps numbers found in several spans back to offsets in the text', () => {
    const text = 'a +7 701 234 56 78 b 8 (727) 250-11-22 c';
    const spans = [
      { start: 2, end: 18 },
      { start: 21, end: 38 },
    ];
    expect(lookUpPhones(text, spans)).toEqual([
      { start: 2, end: 18, service: false },
      { start: 21, end: 38, service: false },
    ]);
  });

  it('gives the same answer from memory as from the library, at each place the span occurs', () => {
    const text = '87012345678 и снова 87012345678';
    const spans = [
      { start: 0, end: 11 },
      { start: 20, end: 31 },
    ];
    const first = lookUpPhones(text, spans);
    expect(first).toEqual([
      { start: 0, end: 11, service: false },
      { start: 20, end: 31, service: false },
    ]);
    expect(lookUpPhones(text, spans)).toEqual(first);
  });

  it('marks hotlines and finds nothing in invalid ranges', () => {
    const text = '8 800 080 7777 / +7 000 123 45 67';
    expect(
      lookUpPhones(text, [
        { start: 0, end: 14 },
        { start: 17, end: 33 },
      ]),
    ).toEqual([{ start: 0, end: 14, service: true }]);
  });

  it('answers a note with more spans than it remembers', () => {
    const numbers = Array.from({ length: 600 }, (_, i) => `8701${String(1_000_000 + i)}`);
    const text = numbers.join(' ');
    const spans = numbers.map((_, i) => ({ start: i * 12, end: i * 12 + 11 }));
    expect(lookUpPhones(text, spans)).toHaveLength(600);
    expect(lookUpPhones(text, spans.slice(0, 3))).toHaveLength(3);
  });
});
