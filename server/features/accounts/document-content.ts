import { DOCUMENT_LIMITS, type DocumentMime } from '#shared/schemas/documents';
import { ApiError } from '../../http/errors';
import type { SpooledFile } from './multipart-form';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0));

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

// Markup that makes a browser (or an older sniffer) take a file for HTML, looked for where
// sniffers look: a polyglot that starts with a real signature but carries a page is refused.
const MARKUP =
  /<(?:!doctype\s+html|html|head|body|script|iframe|svg|h1|div|font|table|style|title|br)[\s>/]/i;
const SNIFFED_PREFIX = 1024;

/** The type of a document by its content (PDF, PNG, JPEG), or undefined for anything else. */
export function detectDocumentType(bytes: Uint8Array): DocumentMime | undefined {
  const type = signatureType(bytes);
  if (!type) return undefined;
  const head = Buffer.from(bytes.subarray(0, SNIFFED_PREFIX)).toString('latin1');
  return MARKUP.test(head) ? undefined : type;
}

function signatureType(bytes: Uint8Array): DocumentMime | undefined {
  const version = bytes[5];
  if (
    startsWith(bytes, ascii('%PDF-')) &&
    version !== undefined &&
    version >= 0x30 &&
    version <= 0x39
  ) {
    return 'application/pdf';
  }
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, ascii('IHDR'), 12)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

// Control characters, and bidirectional overrides that make `exe.pdf` read as `fdp.exe`.
const UNSAFE_CHARS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** The name a user gave a file, made safe to show: last path segment, no control characters. */
export function sanitizeOriginalName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, DOCUMENT_LIMITS.originalNameLength);
  return cleaned || 'document';
}

/** An uploaded document that passed the checks, spooled on disk, ready to be stored. */
export type CheckedDocument = {
  /** The spooled file, moved into storage when the document is stored. */
  path: string;
  mime: DocumentMime;
  bytes: number;
  sha256: string;
  originalName: string;
};

/** Checks an uploaded file: size first (payload_too_large), then type by content (unsupported_media_type). */
export function checkDocument(file: SpooledFile): CheckedDocument {
  if (file.bytes > DOCUMENT_LIMITS.maxBytes) {
    throw new ApiError('payload_too_large', 'A document may be at most 10 MiB.');
  }
  const mime = detectDocumentType(file.head);
  if (!mime) {
    throw new ApiError('unsupported_media_type', 'Documents must be PDF, PNG or JPEG files.');
  }
  return {
    path: file.path,
    mime,
    bytes: file.bytes,
    sha256: file.sha256,
    originalName: sanitizeOriginalName(file.name),
  };
}
