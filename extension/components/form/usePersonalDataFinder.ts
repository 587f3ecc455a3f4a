import { useEffect, useState } from 'preact/hooks';
import type { Finding } from '#shared/personal-data/types';

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
    loading ??= import('#shared/personal-data/find-personal-data').then((m) => m.findPersonalData);
    void loading.then((find) => mounted && setFinder(() => find));
    return () => {
      mounted = false;
    };
  }, [needed, finder]);
  return finder;
}
