import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv';

/** Parses one RFC 4180 line back into its cells (test oracle). */
function parseLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  const text = line.replace(/\r\n$/, '');
  while (i <= text.length) {
    if (text[i] === '"') {
      let cell = '';
      i += 1;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else cell += text[i++];
      }
      cells.push(cell);
      i += 1;
    } else {
      const end = text.indexOf(',', i);
      cells.push(text.slice(i, end === -1 ? text.length : end));
      i = end === -1 ? text.length + 1 : end + 1;
    }
  }
  return cells;
}

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('https://casino.example.kz/promo')).toBe('https://casino.example.kz/promo');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx'])(
    'defuses a cell starting like a formula: %j',
    (value) => {
      const cell = csvCell(value);
      expect(parseLine(`${cell}\r\n`)[0]).toBe(`'${value}`);
    },
  );

  it('round-trips any line of cells, no cell starting like a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        const parsed = parseLine(csvLine(cells));
        expect(parsed).toEqual(cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
        for (const cell of parsed) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});
