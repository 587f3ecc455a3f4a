import { sendMessage } from '@/lib/browser/messages';
import { getSession, markSignInNeeded, type Session } from '@/lib/browser/session';
import { deleteMeta, type LastSync, readMeta } from '@/lib/storage/meta';
import type { PageDeps } from './deps';

/** What the popup shows before the form: sign-in, the policy to accept, or the main views. */
export type Gate =
  | { name: 'loading' }
  | { name: 'sign-in'; previous?: Session }
  | { name: 'consent'; session: Session }
  | { name: 'main'; session: Session; offline?: boolean };

/**
 * The gate as far as this browser knows, without the network: no session (or a refused one) asks
 * for a sign-in; a push refused for lack of consent asks for consent first.
 */
export async function localGate(deps: Pick<PageDeps, 'db'>): Promise<Gate> {
  // Both reads at once, the database's without Dexie: the popup's first paint waits for them.
  const [session, [consentRequired]] = await Promise.all([
    getSession(),
    readMeta(deps.db.name, ['consentRequired']),
  ]);
  if (!session || session.needsSignIn) return { name: 'sign-in', previous: session };
  return consentRequired ? { name: 'consent', session } : { name: 'main', session };
}

/**
 * The gate as the server sees it (`GET /api/me`): consent to the current policy version, a token
 * still valid. When the server cannot be reached the form is shown, marked offline: reports wait
 * in the outbox.
 */
export async function checkAccount(
  deps: Pick<PageDeps, 'db' | 'fetch'>,
  session: Session,
  local: Gate,
): Promise<Gate> {
  const { ApiClientError, createApiClient } = await import('@/lib/sync/api-client');
  try {
    const me = await createApiClient(session.serverUrl, deps.fetch).me(session.token);
    if (!me.consent.current) return { name: 'consent', session };
    if (local.name === 'consent') {
      // Accepted elsewhere (the site, the options page): the queue may go.
      await deleteMeta(await deps.db.dexie(), 'consentRequired');
      void sendMessage('sync-now');
    }
    return { name: 'main', session };
  } catch (error) {
    const code = error instanceof ApiClientError ? error.code : 'network';
    if (code === 'unauthorized' || code === 'account_blocked') {
      await markSignInNeeded();
      return { name: 'sign-in', previous: { ...session, needsSignIn: true } };
    }
    // Offline the form still works, consent or not: nothing is sent until the server says yes.
    return { name: 'main', session, offline: true };
  }
}

/**
 * The gate once a sync run that ended after `since` (when the gate was decided) reached the
 * server: the popup no longer says it is offline.
 */
export function gateAfterSync(gate: Gate, last: LastSync, since: number): Gate {
  if (gate.name !== 'main' || !gate.offline || last.at < since) return gate;
  return last.outcome === 'done' ? { ...gate, offline: false } : gate;
}

/**
 * Shows the local gate at once (`local`, when it is already being read), then the server's answer
 * when it comes; behind the main views, `beforeAsking` delays the question (the popup lets its
 * form paint first).
 */
export async function resolveGate(
  show: (gate: Gate) => void,
  deps: Pick<PageDeps, 'db' | 'fetch'>,
  beforeAsking: () => Promise<void> = async () => undefined,
  reading: Promise<Gate> = localGate(deps),
): Promise<void> {
  const local = await reading;
  show(local);
  if (local.name === 'main' || local.name === 'consent') {
    if (local.name === 'main') await beforeAsking();
    show(await checkAccount(deps, local.session, local));
  }
}
