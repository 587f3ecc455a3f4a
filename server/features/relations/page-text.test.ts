import { describe, expect, it } from 'vitest';
import { htmlText, pageCopyText } from './page-text';

/** An archive as Chrome's pageCapture writes it: quoted-printable HTML, then its resources. */
function mhtml(html: string) {
  const qp = Buffer.from(html, 'utf8')
    .toString('latin1')
    .replace(
      /[=\u0080-\u00ff]/g,
      (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .replace(/(.{70})/g, '$1=\r\n');
  return new Uint8Array(
    Buffer.from(
      [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: https://mirror.example/',
        'Subject: =?utf-8?Q?page?=',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----MultipartBoundary--abc----"',
        '',
        '',
        '------MultipartBoundary--abc----',
        'Content-Type: text/html',
        'Content-ID: <frame-1@mhtml.blink>',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Location: https://mirror.example/',
        '',
        qp,
        '',
        '------MultipartBoundary--abc----',
        'Content-Type: text/css',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'body { color: red }',
        '------MultipartBoundary--abc------',
        '',
      ].join('\r\n'),
      'latin1',
    ),
  );
}

describe('page copy text', () => {
  it('reads the visible text of an MHTML archive, quoted-printable and UTF-8 undone', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><h1>Ставки на спорт</h1><p>Қазақша мәтін = равно</p><script>var x=1</script></body></html>';
    expect(pageCopyText(mhtml(html), 'multipart/related')).toBe(
      'Ставки на спорт Қазақша мәтін = равно',
    );
  });

  it('reads an HTML copy, and nothing of an image or an archive without HTML', () => {
    const bytes = new Uint8Array(
      Buffer.from('<!doctype html><p>Привет&nbsp;мир</p><div>два</div>'),
    );
    expect(pageCopyText(bytes, 'text/html')).toBe('Привет\u00a0мир два'.replace(/\s/g, ' '));
    expect(pageCopyText(bytes, 'image/png')).toBeUndefined();
    expect(
      pageCopyText(
        new Uint8Array(
          Buffer.from(
            'Content-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: text/css\r\n\r\na{}\r\n--x--',
          ),
        ),
        'multipart/related',
      ),
    ).toBeUndefined();
  });

  it('separates words that only markup separates', () => {
    expect(htmlText('<ul><li>один</li><li>два</li></ul><p>три<br>четыре</p>')).toBe(
      'один два три четыре',
    );
  });
});
