import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import { AccountPanel } from './AccountPanel';
import { ConsentScreen } from './ConsentScreen';
import type { PageDeps } from './deps';
import { type Gate, resolveGate } from './gate';
import { Preferences } from './Preferences';
import { SignIn } from './SignIn';

type Props = { deps: PageDeps; onLocaleChanged: () => void };

/**
 * The options page: the UI language and notifications, sign-in, the account with sign-out, and
 * the policy to accept.
 */
export function OptionsApp({ deps, onLocaleChanged }: Props) {
  const [gate, setGate] = useState<Gate>({ name: 'loading' });

  const decide = () => resolveGate(setGate, deps);

  useEffect(() => {
    void decide();
  }, []);

  return (
    <main class="app options">
      <h1>{t('optionsTitle')}</h1>
      <Preferences onLocaleChanged={onLocaleChanged} />
      {gate.name === 'loading' && <div aria-busy="true" />}
      {gate.name === 'sign-in' && (
        <SignIn deps={deps} onSignedIn={decide} previous={gate.previous} />
      )}
      {gate.name === 'consent' && (
        <>
          <AccountPanel deps={deps} session={gate.session} onSignedOut={decide} />
          <ConsentScreen deps={deps} session={gate.session} onAccepted={decide} />
        </>
      )}
      {gate.name === 'main' && (
        <>
          {gate.offline && <p class="notice">{t('offlineBanner')}</p>}
          <AccountPanel deps={deps} session={gate.session} onSignedOut={decide} />
        </>
      )}
    </main>
  );
}
