import { useEffect, useState } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { REVIEW_STATUSES } from '#shared/review-status';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { DbOpener } from '@/lib/storage/local-db';
import type { AlreadyReported } from '@/lib/sync/known-urls';

/** Says so when the page is already reported, by the analyst or by anyone (decided locally). */
export function DuplicateHint({ url, db }: { url: string; db: DbOpener }) {
  const [found, setFound] = useState<AlreadyReported>();
  useEffect(() => {
    let mounted = true;
    // URL keys, their hashing and Dexie load after the form: the hint is not needed to tag.
    Promise.all([import('@/lib/sync/known-urls'), db.dexie()])
      .then(([{ isAlreadyReported }, dexie]) => isAlreadyReported(dexie, url))
      .then(
        (result) => mounted && setFound(result),
        () => undefined,
      );
    return () => {
      mounted = false;
    };
  }, [url]);

  if (found?.status === 'own') {
    const status = found.report.reviewStatus;
    return (
      <p class="notice" role="status" data-testid="duplicate-hint">
        {t('alreadyReportedByYou')}
        {status && ` ${t('reviewStatusIs', labelOf(REVIEW_STATUSES, status, uiLocale()))}`}
      </p>
    );
  }
  if (found?.status === 'known') {
    return (
      <p class="notice" role="status" data-testid="duplicate-hint">
        {t('alreadyReportedKnown')}
      </p>
    );
  }
  return null;
}
