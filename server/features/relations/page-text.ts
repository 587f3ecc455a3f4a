import { Parser } from 'htmlparser2';
import type { EvidenceFileMime } from '#shared/schemas/report';

/** Elements whose content a reader never sees as text. */
const HIDDEN = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
]);
/** Elements that separate words even with no whitespace between them in the markup. */
const BREAKS = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'option',
  'button',
  'a',
  'label',
  'img',
  'hr',
  'dd',
  'dt',
  'figcaption',
]);

/** The text a reader of an HTML document sees (scripts, styles and the head left out). */
export function htmlText(html: string): string {
  const parts: string[] = [];
  let hiddenDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hiddenDepth++;
        if (BREAKS.has(name)) parts.push(' ');
      },
      ontext(text) {
        if (hiddenDepth === 0) parts.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (BREAKS.has(name)) parts.push(' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** A hex digit's value, or -1 for any other character code. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

// Byte by byte into one buffer: a page copy is hundreds of kilobytes, and every push that brings
// a new one decodes it.
function decodeQuotedPrintable(body: string): Uint8Array {
  const soft = body.replace(/=\r?\n/g, '');
  const out = new Uint8Array(soft.length);
  let length = 0;
  for (let i = 0; i < soft.length; i++) {
    const c = soft.charCodeAt(i);
    const high = c === 0x3d ? hexValue(soft.charCodeAt(i + 1)) : -1;
    const low = high < 0 ? -1 : hexValue(soft.charCodeAt(i + 2));
    if (low >= 0) {
      out[length++] = high * 16 + low;
      i += 2;
    } else out[length++] = c & 0xff;
  }
  return out.subarray(0, length);
}

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * The page's own HTML inside an MHTML archive: the first `text/html` part, its transfer encoding
 * (quoted-printable, as browsers write it, or base64) and charset undone; undefined if none.
 */
export function mhtmlHtml(bytes: Uint8Array): string | undefined {
  const archive = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const boundary = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(archive);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return undefined;
  for (const part of archive.split(`--${delimiter}`).slice(1)) {
    const end = part.search(/\r?\n\r?\n/);
    if (end < 0) continue;
    const headers = part.slice(0, end).replace(/\r?\n[ \t]+/g, ' ');
    const type = /^content-type:\s*([^;\r\n]+)(.*)$/im.exec(headers);
    if (type?.[1]?.trim().toLowerCase() !== 'text/html') continue;
    const charset = /charset\s*=\s*"?([\w-]+)"?/i.exec(type[2] ?? '')?.[1];
    const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
    const body = part.slice(end).replace(/^\r?\n\r?\n/, '');
    const raw =
      encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : encoding === 'base64'
          ? Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'))
          : Uint8Array.from(Buffer.from(body, 'latin1'));
    return decodeText(raw, charset);
  }
  return undefined;
}

/** The visible text of a page copy (MHTML or HTML); undefined for other files. */
export function pageCopyText(bytes: Uint8Array, mime: EvidenceFileMime): string | undefined {
  if (mime === 'text/html') return htmlText(decodeText(bytes, 'utf-8'));
  if (mime === 'multipart/related') {
    const html = mhtmlHtml(bytes);
    return html === undefined ? undefined : htmlText(html);
  }
  return undefined;
}
