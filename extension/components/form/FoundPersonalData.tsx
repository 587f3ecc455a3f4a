import { lazy } from '../Lazy';
import type { PersonalDataWarningProps } from '../PersonalDataWarning';

// Findings come from the detector, itself loaded after the first paint: so is the warning's code.
const Warning = lazy(
  () => import('../PersonalDataWarning').then((m) => m.PersonalDataWarning),
  null,
);

/** Loads the warning's code beside the detector's, so that a finding shows without a wait. */
export const preloadPersonalDataWarning = () => Warning.preload();

/** The warning about third-party personal data in a field; nothing while there is none. */
export function FoundPersonalData(props: PersonalDataWarningProps) {
  return props.findings.length > 0 ? <Warning {...props} /> : null;
}
