import { SAMPLE_FILES } from '../../features/accounts/testing';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const page = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>';
const svg =
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';
// A PNG that really starts like one (signature and IHDR chunk), then carries a page.
const pngHead = SAMPLE_FILES.png.subarray(0, 33);

/** Files whose content is not what their name and declared type say, or is two things at once. */
export const HOSTILE_FILES: readonly { name: string; what: string; type: string; bytes: Buffer }[] =
  [
    {
      what: 'a Windows executable',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: Buffer.concat([latin1('MZ\x90\x00\x03'), Buffer.alloc(200)]),
    },
    { what: 'an HTML page', name: 'photo.png', type: 'image/png', bytes: latin1(page) },
    { what: 'an SVG image with script', name: 'photo.png', type: 'image/png', bytes: latin1(svg) },
    {
      what: 'a GIF',
      name: 'photo.jpg',
      type: 'image/jpeg',
      bytes: latin1('GIF89a\x01\x00\x01\x00\x80\x00\x00'),
    },
    {
      what: 'a ZIP archive',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: Buffer.concat([latin1('PK\x03\x04'), Buffer.alloc(100)]),
    },
    {
      what: 'plain text',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: latin1('just some text'),
    },
    {
      what: 'a PDF look-alike',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: latin1('%PDF-X.4 not really'),
    },
    {
      what: 'a PNG signature without its header chunk',
      name: 'photo.png',
      type: 'image/png',
      bytes: SAMPLE_FILES.png.subarray(0, 8),
    },
    {
      what: 'a PNG + HTML polyglot',
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.concat([pngHead, latin1(page)]),
    },
    {
      what: 'a PNG + SVG polyglot',
      name: 'photo.png',
      type: 'image/png',
      bytes: Buffer.concat([pngHead, latin1(svg)]),
    },
    {
      what: 'a JPEG + HTML polyglot (markup in a comment segment)',
      name: 'photo.jpg',
      type: 'image/jpeg',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x60]),
        latin1(page),
        Buffer.from([0xff, 0xd9]),
      ]),
    },
    {
      what: 'a PDF + HTML polyglot',
      name: 'scan.pdf',
      type: 'application/pdf',
      bytes: latin1(`%PDF-1.4\n%${page}\n1 0 obj<<>>endobj\n%%EOF\n`),
    },
  ];

/** File names that try to leave the documents folder or hide what they are. */
export const HOSTILE_NAMES: readonly string[] = [
  '../../../outside/evil.pdf',
  '..\\..\\..\\outside\\evil.pdf',
  '/etc/passwd',
  'C:\\Windows\\System32\\evil.pdf',
  '%2e%2e%2f%2e%2e%2foutside%2fevil.pdf',
  '....//....//outside//evil.pdf',
  '../webtagger.sqlite',
  'documents',
  '.',
  '..',
  'evil.pdf\u0000.png',
  'invoice\u202Efdp.exe',
  `${'a'.repeat(5000)}.pdf`,
  'tab\tand\u0007bell\u001b[31m.pdf',
];
