import type { LocalDb } from '@/lib/storage/local-db';

/**
 * What a page's entrypoint (the popup, the options page) makes once and passes down: the database
 * handle, the network and the clock. No component reaches for them by itself.
 */
export type PageDeps = {
  db: LocalDb;
  fetch: typeof fetch;
  now(): number;
};
