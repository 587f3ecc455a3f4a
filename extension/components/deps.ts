import type { sendMessage } from '@/lib/browser/messages';
import type { TargetPage } from '@/lib/capture/page-capture';
import type { PageHints } from '@/lib/form/values';
import type { DbOpener } from '@/lib/storage/local-db';

/**
 * What a page's entrypoint (the popup, the options page) makes once and passes down: the database
 * handle, the network, the clock and the messages to the background. No component reaches for
 * them by itself.
 */
export type PageDeps = {
  db: DbOpener;
  fetch: typeof fetch;
  now(): number;
  send: typeof sendMessage;
};

/** The popup's dependencies: a page's, and how to read the tagged tab's hints (language, region). */
export type PopupDeps = PageDeps & {
  readHints(page: TargetPage): Promise<PageHints>;
};
