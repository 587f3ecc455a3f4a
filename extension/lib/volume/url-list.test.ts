import { describe, expect, it } from 'vitest';
import { duplicateCount, parseUrlList, unsavedText } from './url-list';

describe('parseUrlList', () => {
  it('keeps each valid http(s) line with its line number and skips blank lines', () => {
    const parsed = parseUrlList('https://casino.example/a\n\n  http://pyramid.example/b  \r\n');
    expect(parsed.invalid).toEqual([]);
    expect(parsed.valid.map((v) => [v.line, v.url])).toEqual([
      [1, 'https://casino.example/a'],
      [3, 'http://pyramid.example/b'],
    ]);
  });

  it('names the problem of each invalid line and keeps its text as typed', () => {
    const parsed = parseUrlList(
      ['casino.example/a', 'ftp://files.example/x', `https://a.example/${'x'.repeat(2100)}`].join(
        '\n',
      ),
    );
    expect(parsed.valid).toEqual([]);
    expect(parsed.invalid.map((l) => [l.line, l.problem])).toEqual([
      [1, 'not_url'],
      [2, 'not_http'],
      [3, 'too_long'],
    ]);
    expect(parsed.invalid[0]!.text).toBe('casino.example/a');
  });

  it('takes a second line of the same page (same URL key) as a duplicate of the first', () => {
    const parsed = parseUrlList(
      'https://www.casino.example/play?utm_source=tg\nhttps://casino.example/play/',
    );
    expect(parsed.valid).toHaveLength(1);
    expect(parsed.invalid).toEqual([
      { line: 2, text: 'https://casino.example/play/', problem: 'duplicate', sameAs: 1 },
    ]);
  });

  it('leaves only the unsaved lines in the box, as they were typed', () => {
    const parsed = parseUrlList('https://ok.example/1\n htp:/broken \nhttps://ok.example/2\nnope');
    expect(unsavedText(parsed)).toBe(' htp:/broken \nnope');
  });

  it('drops a duplicate with the line it repeats: its page is saved once', () => {
    const parsed = parseUrlList('https://ok.example/1\nbad\nhttps://www.ok.example/1');
    expect(unsavedText(parsed)).toBe('bad');
    expect(duplicateCount(parsed)).toBe(1);
  });
});
