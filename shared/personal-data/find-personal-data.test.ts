import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, resolveOverlaps } from './find-personal-data';
import { type Finding, PERSONAL_DATA_KINDS } from './types';

const span = (start: number, end: number, kind: Finding['kind'] = 'phone'): Finding => ({
  kind,
  start,
  end,
});

describe('resolveOverlaps', () => {
  it('keeps the longer of two overlapping findings', () => {
    expect(resolveOverlaps([span(5, 10, 'phone'), span(0, 30, 'home_address')])).toEqual([
      span(0, 30, 'home_address'),
    ]);
  });

  it('keeps the more certain of two findings of equal length', () => {
    const unsure = { ...span(0, 10, 'person_name'), confidence: 0.6 };
    const sure = span(2, 12, 'iin');
    expect(resolveOverlaps([unsure, sure])).toEqual([sure]);
  });

  it('keeps touching findings and returns them in text order', () => {
    expect(resolveOverlaps([span(10, 20), span(0, 10), span(20, 25)])).toEqual([
      span(0, 10),
      span(10, 20),
      span(20, 25),
    ]);
  });

  it('returns ordered, non-overlapping findings drawn from its input, whatever the input', () => {
    const finding = fc
      .tuple(fc.nat(200), fc.integer({ min: 1, max: 40 }), fc.constantFrom(...PERSONAL_DATA_KINDS))
      .map(([start, length, kind]) => span(start, start + length, kind));
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (input) => {
        const out = resolveOverlaps(input);
        for (const f of out) expect(input).toContainEqual(f);
        for (let i = 1; i < out.length; i++)
          expect(out[i - 1]!.end).toBeLessThanOrEqual(out[i]!.start);
        // Nothing dropped that overlapped no kept finding.
        for (const f of input) {
          expect(out.some((k) => k.start < f.end && f.start < k.end)).toBe(true);
        }
      }),
    );
  });
});

describe('findPersonalData', () => {
  it('never throws and returns ordered, non-overlapping, in-range offsets on any text', () => {
    const pieces = fc.constantFrom(
      'ИИН 880412378771',
      '+7 701 234 56 78',
      'Иванов Иван Иванович',
      'ул. Абая, д. 10, кв. 5',
      'KZ86125KZT5004100100',
      '4400 8792 1742 1804',
      'ivan.petrov@mail.ru',
      'паспорт N12345678',
      'жеке куәлігі № 037 552 148',
      'ivan [at] mail.ru',
      'timur собака mail.ru',
      'wa.me/77015552314',
      'Abai köşesı 12 üi, 5 päter',
      'Aidos Sağyntai',
      'Qairat Serıkūly',
      'промокод',
      '185.22.174.33',
      ' ',
      ', ',
      '\n',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc
        .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 30 })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const found = findPersonalData(input);
        let previousEnd = 0;
        for (const f of found) {
          expect(PERSONAL_DATA_KINDS).toContain(f.kind);
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(input.length);
          previousEnd = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds nothing in an empty note', () => {
    expect(findPersonalData('')).toEqual([]);
  });
});
