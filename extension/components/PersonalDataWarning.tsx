import { type MarkedRange, markedFragments, markSegments } from '@/lib/form/personal-data-marks';
import { personalDataKindKey } from '@/lib/i18n/error-messages';
import { t } from '@/lib/i18n/i18n';

export type PersonalDataWarningProps = {
  /** The text the findings were found in. */
  text: string;
  findings: readonly MarkedRange[];
  /** Which input the text is in: names the warning for tests and assistive technology. */
  field: string;
  /** Whether to repeat the whole text with the findings highlighted (useful for long notes). */
  mirror?: boolean;
};

/**
 * Third-party personal data found in what the analyst typed: each finding's kind and fragment,
 * and the text with the findings highlighted. It warns; saving stays possible (the server decides).
 */
export function PersonalDataWarning({
  text,
  findings,
  field,
  mirror = true,
}: PersonalDataWarningProps) {
  if (findings.length === 0) return null;
  const fragments = markedFragments(text, findings);
  if (fragments.length === 0) return null;
  return (
    <div class="pd-warning" aria-live="polite" data-testid={`pd-warning-${field}`}>
      <p>
        <strong>{t('pdWarningTitle')}</strong> {t('pdWarningText')}
      </p>
      {mirror && (
        <p class="pd-mirror" aria-hidden="true" data-testid={`pd-mirror-${field}`}>
          {markSegments(text, findings).map((segment, index) =>
            segment.kind ? (
              <mark
                key={index}
                data-kind={segment.kind}
                title={t(personalDataKindKey(segment.kind))}
              >
                {segment.text}
              </mark>
            ) : (
              segment.text
            ),
          )}
        </p>
      )}
      <ul class="pd-list">
        {fragments.map(({ kind, fragment }, index) => (
          <li key={index} data-kind={kind}>
            <span class="pd-kind">{t(personalDataKindKey(kind))}</span>: <q>{fragment}</q>
          </li>
        ))}
      </ul>
    </div>
  );
}
