import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/browser/messages';
import { DEFAULT_SERVER_URL, type Session, serverOrigin, setSession } from '@/lib/browser/session';
import { errorMessageKey } from '@/lib/i18n/error-messages';
import { t } from '@/lib/i18n/i18n';
import { ApiClientError, createApiClient } from '@/lib/sync/api-client';
import type { PageDeps } from './deps';

type Props = {
  deps: PageDeps;
  onSignedIn: () => void;
  /** The session that needs a new sign-in: its server and account are offered again. */
  previous?: Session;
};

/** Sign-in to the server with e-mail and password; the session is kept in the extension. */
export function SignIn({ deps, onSignedIn, previous }: Props) {
  const [server, setServer] = useState(previous?.serverUrl ?? DEFAULT_SERVER_URL);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const origin = serverOrigin(server);
    if (!origin) return setError(t('errorServerUrl'));
    setBusy(true);
    setError('');
    try {
      const answer = await createApiClient(origin, deps.fetch).login({
        email,
        password,
        deviceName: 'WebTagger',
      });
      await setSession({ serverUrl: origin, ...answer });
      void sendMessage('signed-in');
      onSignedIn();
    } catch (err) {
      setError(t(errorMessageKey(err instanceof ApiClientError ? err.code : 'network')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sign-in">
      <h1>{t('signInTitle')}</h1>
      {previous?.needsSignIn && <p class="notice">{t('signInAgain')}</p>}
      <form onSubmit={submit} class="stack">
        <label>
          {t('serverLabel')}
          <input
            name="server"
            type="url"
            value={server}
            onInput={(e) => setServer(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('emailLabel')}
          <input
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('passwordLabel')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="field-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('signInButton')}
        </button>
      </form>
    </section>
  );
}
