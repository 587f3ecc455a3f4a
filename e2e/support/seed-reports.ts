import type { Page } from '@playwright/test';

// The little of IndexedDB the seeding uses (e2e code is typed without the DOM library).
type Request<T> = {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
};
type Transaction = {
  objectStore(name: string): { put(value: unknown): unknown };
  oncomplete: (() => void) | null;
  onerror: (() => void) | null;
  error: unknown;
};
type Database = { transaction(store: string, mode: 'readwrite'): Transaction; close(): void };
type Factory = { open(name: string): Request<Database> };

/**
 * Fills the extension's IndexedDB with `count` synced reports, straight through the IndexedDB API
 * of an extension page (the database must exist: open the popup once first). For benchmarks and
 * tests of the popup with a large local cache.
 */
export async function seedSyncedReports(extensionPage: Page, count: number): Promise<void> {
  await extensionPage.evaluate(async (total) => {
    const idb = (globalThis as unknown as { indexedDB: Factory }).indexedDB;
    const db = await new Promise<Database>((resolve, reject) => {
      const request = idb.open('webtagger');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const batch = 10_000;
    for (let start = 0; start < total; start += batch) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('reports', 'readwrite');
        const store = tx.objectStore('reports');
        for (let i = start; i < Math.min(total, start + batch); i++) {
          const at = 1_700_000_000_000 + i * 1000;
          store.put({
            id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
            url: `https://example.kz/material/${i}`,
            title: `Material ${i}`,
            source: 'page',
            resourceType: 'webpage',
            languages: ['ru'],
            geography: { indicated: false },
            openness: 'public',
            availability: 'accessible',
            topics: ['gambling'],
            note: 'Seeded report',
            capturedAt: new Date(at).toISOString(),
            state: 'synced',
            reviewStatus: 'submitted',
            serverVersion: 1,
            updatedAt: at,
            urlKeyHash: i.toString(16).padStart(64, '0'),
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}
