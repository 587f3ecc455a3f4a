import { type TargetPage, targetPage } from '@/lib/capture/page-capture';
import type { PageDeps } from './deps';
import { preloadForm } from './form/useReportForm';
import { type Gate, localGate } from './gate';

/**
 * What the popup's first paint waits for, asked for as soon as its script runs: the gate as this
 * browser knows it (the session, a consent still owed), the page to tag and, once that page is
 * known, what its form starts from. All at once, and meanwhile the popup reads its language and
 * renders, rather than after (targets.md P4).
 */
export type PopupStart = {
  gate: Promise<Gate>;
  /** The page to tag; null where there is none (no tab, or the browser's own page). */
  page: Promise<TargetPage | null>;
};

/** Only web pages can be tagged (the browser's own pages cannot). */
export const isWebPage = (page: TargetPage | null | undefined): page is TargetPage =>
  !!page && /^https?:/i.test(page.url);

export function startPopup(deps: Pick<PageDeps, 'db' | 'now'>, search: string): PopupStart {
  const gate = localGate(deps);
  // Handled where it is awaited; not an unhandled rejection while the popup renders meanwhile.
  gate.catch(() => undefined);
  const page = targetPage(search).then(
    (found) => {
      if (isWebPage(found)) preloadForm(deps.db, found, deps.now());
      return found ?? null;
    },
    () => null,
  );
  return { gate, page };
}
