import type { EvidenceFileMime } from '#shared/schemas/report';
import { detectDocumentType } from '../accounts/document-content';

const HEADER_SCAN = 16 * 1024;
const HEADER_LINE = /^[!-9;-~]+:/;
const CONTINUATION = /^[ \t]/;
const HTML_START = /^(?:<!doctype\s+html[\s>]|<html[\s>]|<head[\s>]|<meta[\s>]|<!--)/i;

/**
 * The type of evidence bytes judged by their content, never by what the sender called them:
 * a real PNG or JPEG start with no markup where browsers sniff (a polyglot is refused), an MHTML
 * archive (MIME headers naming `multipart/related` and a boundary the body uses), or an HTML
 * document in UTF-8. Anything else is undefined.
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceFileMime | undefined {
  const image = detectDocumentType(bytes);
  if (image === 'image/png' || image === 'image/jpeg') return image;
  if (image) return undefined;
  if (isMhtml(bytes)) return 'multipart/related';
  if (isHtml(bytes)) return 'text/html';
  return undefined;
}

function isMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, HEADER_SCAN)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = head.slice(0, end).split(/\r?\n/);
  if (!lines.every((line) => HEADER_LINE.test(line) || CONTINUATION.test(line))) return false;
  // Unfold the header block, then find its Content-Type.
  const unfolded = lines.join('\n').replace(/\n[ \t]+/g, ' ');
  const contentType = unfolded
    .split('\n')
    .find((line) => /^content-type:/i.test(line))
    ?.slice('content-type:'.length)
    .trim();
  if (!contentType || !/^multipart\/related\s*;/i.test(contentType)) return false;
  const boundary = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
  const delimiter = boundary?.[1] ?? boundary?.[2];
  if (!delimiter) return false;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(`--${delimiter}`);
}

function isHtml(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return false;
  }
  return HTML_START.test(text.trimStart());
}

/** The file name extension of an evidence type, as the evidence package names its files. */
export function evidenceExtension(mime: EvidenceFileMime): string {
  switch (mime) {
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpg';
    case 'multipart/related':
      return 'mhtml';
    case 'text/html':
      return 'html';
  }
}

/** Whether the type is a copy of a page (served only as a download or inside a sandbox). */
export const isPageCopy = (mime: EvidenceFileMime) =>
  mime === 'multipart/related' || mime === 'text/html';
