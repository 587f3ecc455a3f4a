import { useEffect, useState } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { DbOpener } from '@/lib/storage/local-db';

/** What the hint says: the page is already reported, by the analyst (and its review status) or by anyone. */
async function duplicateText(db: DbOpener, url: string): Promise<string | undefined> {
  // URL keys, their hashing and Dexie load after the form: the hint is not needed to tag.
  const [{ isAlreadyReported }, dexie] = await Promise.all([
    import('@/lib/sync/known-urls'),
    db.dexie(),
  ]);
  const found = await isAlreadyReported(dexie, url);
  if (found?.status === 'known') return t('alreadyReportedKnown');
  if (found?.status !== 'own') return undefined;
  const status = found.report.reviewStatus;
  if (!status) return t('alreadyReportedByYou');
  // The statuses' labels, too, are needed only when there is a report to speak of.
  const { REVIEW_STATUSES } = await import('#shared/review-status');
  const label = labelOf(REVIEW_STATUSES, status, uiLocale());
  return `${t('alreadyReportedByYou')} ${t('reviewStatusIs', label)}`;
}

/** Says so when the page is already reported, by the analyst or by anyone (decided locally). */
export function DuplicateHint({ url, db }: { url: string; db: DbOpener }) {
  const [text, setText] = useState<string>();
  useEffect(() => {
    let mounted = true;
    duplicateText(db, url).then(
      (result) => mounted && setText(result),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [url]);

  return text ? (
    <p class="notice" role="status" data-testid="duplicate-hint">
      {text}
    </p>
  ) : null;
}
