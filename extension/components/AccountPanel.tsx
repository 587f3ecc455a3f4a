import { useEffect, useState } from 'preact/hooks';
import type { MeResponse } from '#shared/schemas/account';
import { clearSession, type Session } from '@/lib/browser/session';
import { t } from '@/lib/i18n/i18n';
import { createApiClient } from '@/lib/sync/api-client';
import type { PageDeps } from './deps';

type Props = {
  deps: PageDeps;
  session: Session;
  onSignedOut: () => void;
  onOpenSettings?: () => void;
};

/**
 * The signed-in account: who, on which server, with which policy version accepted. Signing out
 * ends the session on the server and here; reports saved in the browser stay.
 */
export function AccountPanel({ deps, session, onSignedOut, onOpenSettings }: Props) {
  const [me, setMe] = useState<MeResponse>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    createApiClient(session.serverUrl, deps.fetch)
      .me(session.token)
      .then(setMe, () => undefined);
  }, [session.token]);

  async function signOut() {
    setBusy(true);
    // The token is forgotten here even when the server cannot be told.
    await createApiClient(session.serverUrl, deps.fetch)
      .logout(session.token)
      .catch(() => undefined);
    await clearSession();
    onSignedOut();
  }

  return (
    <section class="account" data-testid="account">
      <dl>
        <dt>{t('serverLabel')}</dt>
        <dd>{session.serverUrl}</dd>
        {me && (
          <>
            <dt>{t('accountName')}</dt>
            <dd data-testid="account-name">
              {me.user.fullName} ({me.user.email})
            </dd>
            <dt>{t('consentTitle')}</dt>
            <dd data-testid="account-consent">
              {me.consent.current
                ? t('consentAccepted', me.consent.policyVersion)
                : t('consentNotAccepted', me.consent.policyVersion)}
            </dd>
          </>
        )}
      </dl>
      <p class="muted">{t('signOutKeepsReports')}</p>
      <div class="actions">
        <button type="button" class="secondary" onClick={signOut} disabled={busy}>
          {t('signOut')}
        </button>
        {onOpenSettings && (
          <button type="button" class="secondary" onClick={onOpenSettings}>
            {t('openOptions')}
          </button>
        )}
      </div>
    </section>
  );
}
