import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('writes what the reference package writes for every shape a custody event takes', () => {
    const values: unknown[] = [
      {
        type: 'report_received',
        at: '2026-11-24T10:00:00.000Z',
        material: 'm-1',
        reportId: 'r',
        reportVersion: 3,
        reporterId: null,
        url: 'https://пример.kz/путь?q="a\\b"\n\t\u0001',
        files: ['b'.repeat(64), 'a'.repeat(64)],
        seq: 12,
        prevHash: '0'.repeat(64),
      },
      { z: 1, a: { y: [1, 2.5, -0, 1e21, 1e-7, { b: true, a: false }], x: '' }, é: 'é', e: '😀' },
      { '\u00e9': 1, e: 2, E: 3, '': 6, '\ud83d\ude00': 7, '\uffff': 8 },
      // Keys an object keeps in numeric order: JCS still orders them as text ("10" before "9").
      { b: { '10': 4, '9': 5, x: [{ '2': 1, '1': 0 }] }, a: 1 },
      { skipped: undefined, kept: null, list: [undefined, null] },
      { at: new Date('2026-11-24T10:00:00.000Z') },
      [],
      {},
      'plain',
      0,
      -12.75,
      true,
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses what JSON cannot carry exactly, as the reference package does', () => {
    for (const value of [{ n: Number.NaN }, { n: Number.POSITIVE_INFINITY }, { s: 'a\ud800b' }]) {
      expect(() => canonicalize(value)).toThrow();
      expect(() => canonicalJson(value)).toThrow();
    }
    expect(canonicalJson({ s: '\ud83d\ude00' })).toBe('{"s":"😀"}');
  });
});
