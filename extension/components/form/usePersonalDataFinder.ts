import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Finding } from '#shared/personal-data/types';
import { preloadPersonalDataWarning } from './FoundPersonalData';

type Finder = (text: string) => Finding[];

let loading: Promise<Finder> | undefined;

/**
 * The shared personal-data detector, loaded the first time there is text to check: its phone
 * metadata is large and the popup's first paint must not wait for it.
 */
export function usePersonalDataFinder(needed: boolean): Finder | undefined {
  const [finder, setFinder] = useState<Finder>();
  useEffect(() => {
    if (!needed || finder) return;
    let mounted = true;
    loading ??= Promise.all([
      import('#shared/personal-data/find-personal-data'),
      preloadPersonalDataWarning().catch(() => undefined),
    ]).then(([m]) => m.findPersonalData);
    void loading.then((find) => mounted && setFinder(() => find));
    return () => {
      mounted = false;
    };
  }, [needed, finder]);
  return finder;
}

/** The personal data found in a form's note and, when a place is given, its locality. */
export type FieldFindings = { note: Finding[]; locality: Finding[] };

/** What the detector finds in the note and the locality as they are typed; none until loaded. */
export function useFieldFindings(
  values: { note: string; locality: string; geoIndicated: boolean } | undefined,
): FieldFindings {
  const find = usePersonalDataFinder(!!(values?.note || values?.locality));
  const note = useMemo(() => (find && values ? find(values.note) : []), [find, values?.note]);
  const locality = useMemo(
    () => (find && values?.geoIndicated ? find(values.locality) : []),
    [find, values?.locality, values?.geoIndicated],
  );
  return { note, locality };
}
