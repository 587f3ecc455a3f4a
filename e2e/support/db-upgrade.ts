/**
 * The check of the extension database's version 6 upgrade in a real browser, shared by the
 * Chromium and Firefox tests: run in an extension page holding `Dexie` and `WebTaggerDb` as
 * `webtaggerBench` (extension-modules.ts), it makes a version 5 database with evidence files (two
 * Blobs and, as the first versions kept them, an ArrayBuffer), opens it as the extension does,
 * and tells what the upgrade left.
 */

/** The page-side modules the check needs. */
export const UPGRADE_MODULES = { Dexie: 'dexie', WebTaggerDb: './extension/lib/storage/db' };

/** What a correct upgrade leaves: each file's bytes moved, under the digest of those bytes. */
export const UPGRADED = {
  records: 3,
  recordsWithData: 0,
  bytesUnderTheirDigest: true,
  blobs: 2,
  dueStillFound: true,
};

type Table = {
  bulkAdd(rows: unknown[]): Promise<unknown>;
  toArray(): Promise<Record<string, unknown>[]>;
  orderBy(index: string): { primaryKeys(): Promise<string[]> };
};
declare const webtaggerBench: {
  Dexie: new (
    name: string,
  ) => {
    version(n: number): { stores(schema: Record<string, string>): unknown };
    table(name: string): Table;
    close(): void;
  };
  WebTaggerDb: new (name: string) => { evidence: Table; evidenceBytes: Table; close(): void };
};

/**
 * Runs in the page (no helpers from outside it: it is sent as its source text), given the tables
 * of version 5 (`VERSION_5_STORES`).
 */
export async function upgradeVersion5(stores: Record<string, string>): Promise<typeof UPGRADED> {
  const name = `upgrade-${crypto.randomUUID()}`;
  const random = (size: number) => {
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += 65_536) {
      crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
    }
    return bytes;
  };
  const hex = async (data: ArrayBuffer) =>
    Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data)), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
  const screenshot = random(400_000);
  const copy = random(120_000);
  const old = random(30_000);
  const files = [
    { sha256: await hex(screenshot.buffer), data: new Blob([screenshot]), mime: 'image/png' },
    { sha256: await hex(copy.buffer), data: new Blob([copy]), mime: 'multipart/related' },
    { sha256: await hex(old.buffer), data: old.buffer, mime: 'image/png' },
  ];
  const v5 = new webtaggerBench.Dexie(name);
  v5.version(5).stores(stores);
  await v5
    .table('evidence')
    .bulkAdd(
      files.map((file, i) => ({ ...file, bytes: 1, storedAt: i, ...(i ? {} : { dueAt: 5 }) })),
    );
  v5.close();

  const db = new webtaggerBench.WebTaggerDb(name);
  const records = await db.evidence.toArray();
  const moved = await db.evidenceBytes.toArray();
  const digests = await Promise.all(
    moved.map(async ({ data }) =>
      hex(data instanceof Blob ? await data.arrayBuffer() : (data as ArrayBuffer)),
    ),
  );
  const due = await db.evidence.orderBy('dueAt').primaryKeys();
  db.close();
  const stored = files.map((f) => f.sha256).sort();
  const keys = moved.map((m) => String(m.sha256));
  return {
    records: records.length,
    recordsWithData: records.filter((r) => 'data' in r).length,
    bytesUnderTheirDigest: keys.join() === stored.join() && digests.join() === keys.join(),
    blobs: moved.filter((m) => m.data instanceof Blob).length,
    dueStillFound: due.length === 1 && due[0] === files[0]!.sha256,
  };
}
