import { createHash, randomUUID } from 'node:crypto';

// Small files with the real signatures of PDF, PNG and JPEG, and reports as the extension sends them.

export const MIB = 1024 * 1024;

const latin1 = (text: string) => Buffer.from(text, 'latin1');

export const PDF = new Uint8Array(
  latin1('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
);

/** A 1×1 PNG. */
export const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** The start of a JFIF JPEG and its end marker. */
export const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0,
  0xff, 0xd9,
]);

/** Text that a careless client might label as a PDF. */
export const NOT_A_DOCUMENT = new Uint8Array(latin1('just some text, not a scan\n'));

/** A file of exactly `size` bytes that starts like `start` (the rest is padding). */
export function padded(start: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(start.subarray(0, size));
  return bytes;
}

/** A PNG of `seed`'s own content, so each call gives other bytes and another hash. */
export function uniquePng(seed: string): Uint8Array {
  const tail = latin1(`${seed}\n`);
  const bytes = new Uint8Array(PNG.length + tail.length);
  bytes.set(PNG);
  bytes.set(tail, PNG.length);
  return bytes;
}

/** The lowercase hex SHA-256 of some bytes or text. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export type ReportBody = Record<string, unknown> & { id: string; url: string };

/** A report as the extension pushes it (api.md, taxonomy.md), with a URL of its own. */
export function newReport(fields: Record<string, unknown> = {}): ReportBody {
  const id = randomUUID();
  return {
    id,
    url: `https://example.kz/contract/${id}`,
    title: 'Канал продаёт запрещённые вещества',
    source: 'page',
    resourceType: 'messenger_channel',
    languages: ['ru'],
    geography: { indicated: false },
    openness: 'public',
    availability: 'accessible',
    topics: ['drugs'],
    note: '',
    capturedAt: new Date().toISOString(),
    ...fields,
  };
}

/** An upsert mutation with a fresh mutation id. */
export const upsertOf = (report: ReportBody) => ({ id: randomUUID(), op: 'upsert', report });

/** A delete mutation with a fresh mutation id. */
export const deleteOf = (reportId: string) => ({ id: randomUUID(), op: 'delete', reportId });
