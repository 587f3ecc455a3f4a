import { useEffect, useState } from 'preact/hooks';
import type { CurrentPolicy } from '#shared/schemas/policy';
import { sendMessage } from '@/lib/browser/messages';
import type { Session } from '@/lib/browser/session';
import { errorMessageKey } from '@/lib/i18n/error-messages';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { deleteMeta } from '@/lib/storage/meta';
import { ApiClientError, createApiClient } from '@/lib/sync/api-client';
import type { PageDeps } from './deps';

type Props = {
  deps: PageDeps;
  session: Session;
  onAccepted: () => void;
  /** "Not now": back to tagging, saving locally (the popup; the options page has no form). */
  onLater?: () => void;
};

const errorText = (err: unknown) =>
  t(errorMessageKey(err instanceof ApiClientError ? err.code : 'network'));

/**
 * The current privacy policy, in the UI language with its version, to accept before reports can
 * be sent. Consent to transfer to third parties is a separate choice, unticked until ticked.
 */
export function ConsentScreen({ deps, session, onAccepted, onLater }: Props) {
  const client = createApiClient(session.serverUrl, deps.fetch);
  const [policy, setPolicy] = useState<CurrentPolicy>();
  const [transfer, setTransfer] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const loadPolicy = () =>
    client.currentPolicy().then(setPolicy, (err) => setError(errorText(err)));
  useEffect(() => {
    void loadPolicy();
  }, []);

  async function accept() {
    if (!policy) return;
    setBusy(true);
    setError('');
    try {
      await client.consent(session.token, {
        policyVersion: policy.version,
        scopes: { processing: true, thirdPartyTransfer: transfer },
      });
      await deleteMeta(await deps.db.dexie(), 'consentRequired');
      void sendMessage('consent-given', { policyVersion: policy.version });
      onAccepted();
    } catch (err) {
      // `conflict`: a newer version was published meanwhile; show that one instead.
      if (err instanceof ApiClientError && err.code === 'conflict') {
        setError(t('consentNewerVersion'));
        void loadPolicy();
      } else setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="consent" data-testid="consent-screen">
      <h1>{t('consentTitle')}</h1>
      <p>{t('consentIntro')}</p>
      {policy && (
        <>
          <p class="muted" data-testid="policy-version">
            {t('consentVersion', [
              policy.version,
              new Date(policy.publishedAt).toLocaleDateString(),
            ])}
          </p>
          <div class="policy" data-testid="policy-text">
            {policy.text[uiLocale()]}
          </div>
          <label class="check">
            <input
              type="checkbox"
              name="thirdPartyTransfer"
              checked={transfer}
              onChange={(e) => setTransfer(e.currentTarget.checked)}
            />
            {t('consentThirdPartyTransfer')}
          </label>
          <div class="actions">
            <button type="button" onClick={accept} disabled={busy} data-testid="consent-accept">
              {t('consentAccept')}
            </button>
            {onLater && (
              <button type="button" class="secondary" onClick={onLater} data-testid="consent-later">
                {t('consentLater')}
              </button>
            )}
          </div>
        </>
      )}
      {!policy && onLater && (
        <button type="button" class="secondary" onClick={onLater} data-testid="consent-later">
          {t('consentLater')}
        </button>
      )}
      {!policy && !error && <div aria-busy="true" />}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
