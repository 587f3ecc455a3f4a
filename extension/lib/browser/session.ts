import { browser } from 'wxt/browser';
import type { LoginResponse } from '#shared/schemas/account';

/** Where the extension signs in unless the analyst names another server. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

export type Session = {
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: LoginResponse['user'];
  /**
   * Set when the server refused the token (expired, revoked, account blocked): the popup asks
   * for the password again; every queued report waits. A new `setSession` clears it.
   */
  needsSignIn?: boolean;
};

/** The key of the session in `browser.storage.local` (browser tests write it directly). */
export const SESSION_KEY = 'session';
const DEVICE_KEY = 'deviceId';

/** The signed-in session, if any. */
export async function getSession(): Promise<Session | undefined> {
  const stored = await browser.storage.local.get(SESSION_KEY);
  return stored[SESSION_KEY] as Session | undefined;
}

export async function setSession(session: Session): Promise<void> {
  await browser.storage.local.set({ [SESSION_KEY]: session });
}

/** Keeps the server and account but marks the session as needing a new sign-in. */
export async function markSignInNeeded(): Promise<void> {
  const session = await getSession();
  if (session && !session.needsSignIn) await setSession({ ...session, needsSignIn: true });
}

export async function clearSession(): Promise<void> {
  await browser.storage.local.remove(SESSION_KEY);
}

/** A stable random id of this browser profile, sent with every push. */
export async function getDeviceId(): Promise<string> {
  const stored = await browser.storage.local.get(DEVICE_KEY);
  const existing = stored[DEVICE_KEY];
  if (typeof existing === 'string') return existing;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [DEVICE_KEY]: id });
  return id;
}

/** The origin of a server URL the analyst typed, or undefined when it is not http(s). */
export function serverOrigin(input: string): string | undefined {
  try {
    const url = new URL(input.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
