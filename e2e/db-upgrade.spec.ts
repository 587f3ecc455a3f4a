import { expect, test } from '@playwright/test';
import { launchWithExtension } from './support/browser';
import { extensionModules, extensionPageWith } from './support/extension-modules';

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

// Version 6 moved evidence files' bytes out of their records. An analyst's profile holds real
// Blobs, which IndexedDB keeps apart from the record: the upgrade must carry them across in the
// browser itself, not only in the in-memory IndexedDB the unit tests use.
test('a version 5 database in Chromium keeps every evidence file’s bytes through the upgrade', async () => {
  const browser = await launchWithExtension();
  try {
    const page = await extensionPageWith(
      browser,
      await extensionModules({ Dexie: 'dexie', WebTaggerDb: './extension/lib/storage/db' }),
    );
    const outcome = await page.evaluate(async () => {
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
        // Files of the first versions were kept as an ArrayBuffer.
        { sha256: await hex(old.buffer), data: old.buffer, mime: 'image/png' },
      ];
      const v5 = new webtaggerBench.Dexie(name);
      v5.version(5).stores({
        reports: 'id, updatedAt, urlKeyHash, [state+updatedAt]',
        outbox: '++seq, reportId, evidenceSha256, *fileShas, awaitingCapture',
        knownUrls: 'hash',
        meta: 'key',
        evidence: 'sha256, storedAt, dueAt',
      });
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
      return {
        stored: files.map((f) => f.sha256).sort(),
        keys: moved.map((m) => m.sha256),
        digests,
        blobs: moved.map((m) => m.data instanceof Blob),
        recordsWithData: records.filter((r) => 'data' in r).length,
        records: records.length,
        due,
        firstFile: files[0]!.sha256,
      };
    });
    expect(outcome.records).toBe(3);
    expect(outcome.recordsWithData).toBe(0);
    expect(outcome.keys).toEqual(outcome.stored);
    // Each file's bytes are still its own: their digest is the key they are stored under.
    expect(outcome.digests).toEqual(outcome.keys);
    expect(outcome.blobs.filter(Boolean)).toHaveLength(2);
    expect(outcome.due).toEqual([outcome.firstFile]);
  } finally {
    await browser.dispose();
  }
});
