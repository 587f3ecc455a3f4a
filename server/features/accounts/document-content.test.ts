import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDocumentType, sanitizeOriginalName } from './document-content';
import { SAMPLE_FILES } from './testing';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('detectDocumentType', () => {
  it('knows PDF, PNG and JPEG by their signatures', () => {
    expect(detectDocumentType(SAMPLE_FILES.pdf)).toBe('application/pdf');
    expect(detectDocumentType(SAMPLE_FILES.png)).toBe('image/png');
    expect(detectDocumentType(SAMPLE_FILES.jpeg)).toBe('image/jpeg');
  });

  it.each([
    ['an empty file', ''],
    ['a truncated PDF signature', '%PDF'],
    ['a PDF signature without a version', '%PDF-x'],
    ['a signature not at the start', ' %PDF-1.4'],
    ['a GIF', 'GIF89a\x01\x00\x01\x00'],
    ['an SVG', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['an HTML page', '<!DOCTYPE html><html></html>'],
    ['a ZIP (and so a DOCX)', 'PK\x03\x04'],
    ['a Windows executable', 'MZ\x90\x00'],
    ['a PNG signature with no header chunk', '\x89PNG\r\n\x1a\n\x00\x00\x00\x00XXXX'],
  ])('refuses %s', (_, content) => {
    expect(detectDocumentType(latin1(content))).toBeUndefined();
  });

  it.each([
    '<html>',
    '<SCRIPT src=x>',
    '<svg onload=alert(1)>',
    '<iframe src=//x>',
    '<!doctype html>',
    '<body>',
  ])('refuses a polyglot: a real signature followed by %s', (markup) => {
    const pdf = latin1(`%PDF-1.4\n%${markup}\n`);
    const jpeg = Buffer.concat([SAMPLE_FILES.jpeg.subarray(0, 6), latin1(markup)]);
    expect(detectDocumentType(pdf)).toBeUndefined();
    expect(detectDocumentType(jpeg)).toBeUndefined();
  });

  it('does not take ordinary PDF syntax for markup', () => {
    const pdf = latin1(
      '%PDF-1.7\n<< /Type /Page /Contents 4 0 R >>\n<</Length 44>>stream\nBT /F1 24 Tf ET\nendstream\n',
    );
    expect(detectDocumentType(pdf)).toBe('application/pdf');
  });
});

// The characters that matter to a file name, and some that do not.
const NAME_CHARS = fc.oneof(
  fc.constantFrom(
    '/',
    '\\',
    '.',
    ' ',
    '\u0000',
    '\n',
    '\u007f',
    '\u0085',
    '\u202e',
    '\u2066',
    '\u00a0',
  ),
  fc.constantFrom('a', 'Z', '9', 'я', 'Қ', '-', '_', '\u0301', '😀'),
);

describe('sanitizeOriginalName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\x.pdf', 'x.pdf'],
    ['C:\\Users\\me\\scan.pdf', 'scan.pdf'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['report\u202Efdp.exe', 'reportfdp.exe'],
    ['..', 'document'],
    ['', 'document'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['  доверенность.pdf  ', 'доверенность.pdf'],
  ])('turns %j into %j', (name, expected) => {
    expect(sanitizeOriginalName(name)).toBe(expected);
  });

  it('never yields a path separator, a control character, a leading dot or more than 200 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: NAME_CHARS, maxLength: 400 }), (name) => {
        const clean = sanitizeOriginalName(name);
        expect(clean).not.toMatch(/[/\\\p{Cc}]/u);
        expect(clean.startsWith('.')).toBe(false);
        expect(clean.length).toBeGreaterThan(0);
        expect(clean.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
