import { type MarkedRange, markedFragments } from '@/lib/form/personal-data-marks';
import { errorMessageKey, personalDataKindKey } from '@/lib/i18n/error-messages';
import { t } from '@/lib/i18n/i18n';
import type { Rejection } from '@/lib/storage/db';

type Props = { rejection: Rejection; note: string; locality?: string };

/** Why the server refused a report, in the UI language; personal data listed by kind. */
export function RejectionReason({ rejection, note, locality = '' }: Props) {
  const findings = rejection.findings ?? [];
  const inField = (field: string | undefined) =>
    findings.filter((f) => (f.field ?? 'note') === field) as MarkedRange[];
  const fragments = [
    ...markedFragments(note, inField('note')),
    ...markedFragments(locality, inField('geography.locality')),
  ];
  // Findings whose offsets no longer fit the text still say which kinds were found.
  const kinds = [...new Set(findings.map((f) => f.kind))];
  return (
    <div class="rejection" data-testid="rejection">
      <p>{t(errorMessageKey(rejection.code))}</p>
      {fragments.length > 0 ? (
        <ul class="pd-list">
          {fragments.map(({ kind, fragment }, index) => (
            <li key={index} data-kind={kind}>
              <span class="pd-kind">{t(personalDataKindKey(kind))}</span>: <q>{fragment}</q>
            </li>
          ))}
        </ul>
      ) : (
        kinds.length > 0 && <p>{kinds.map((kind) => t(personalDataKindKey(kind))).join(', ')}</p>
      )}
    </div>
  );
}
