import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markedFragments, markSegments } from './personal-data-marks';

describe('markSegments', () => {
  it('cuts the text into plain and marked runs', () => {
    expect(markSegments('ab123cd', [{ kind: 'iin', start: 2, end: 5 }])).toEqual([
      { text: 'ab' },
      { text: '123', kind: 'iin' },
      { text: 'cd' },
    ]);
  });

  it('clips ranges that outlive an edit of the text and skips overlaps', () => {
    expect(
      markSegments('abcdef', [
        { kind: 'phone', start: 4, end: 40 },
        { kind: 'iin', start: 1, end: 3 },
        { kind: 'card', start: 2, end: 5 },
        { kind: 'email', start: 90, end: 95 },
      ]),
    ).toEqual([
      { text: 'a' },
      { text: 'bc', kind: 'iin' },
      { text: 'd' },
      { text: 'ef', kind: 'phone' },
    ]);
  });

  it('always gives back the whole text, whatever the ranges', () => {
    const range = fc.record({
      kind: fc.constantFrom('iin' as const, 'phone' as const),
      start: fc.integer({ min: -5, max: 60 }),
      end: fc.integer({ min: -5, max: 60 }),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), fc.array(range), (text, ranges) => {
        const segments = markSegments(text, ranges);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        expect(segments.every((s) => s.text.length > 0)).toBe(true);
      }),
    );
  });
});

describe('markedFragments', () => {
  it('lists the marked fragments in order', () => {
    expect(
      markedFragments('tel 777, iin 880412378771', [
        { kind: 'iin', start: 13, end: 25 },
        { kind: 'phone', start: 4, end: 7 },
      ]),
    ).toEqual([
      { kind: 'phone', fragment: '777' },
      { kind: 'iin', fragment: '880412378771' },
    ]);
  });
});
