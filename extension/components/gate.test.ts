import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getSession, type Session, setSession } from '@/lib/browser/session';
import { WebTaggerDb } from '@/lib/storage/db';
import { getMeta, setMeta } from '@/lib/storage/meta';
import { type Gate, gateAfterSync, resolveGate } from './gate';

const session: Session = {
  serverUrl: 'http://127.0.0.1:8787',
  token: 'secret-token',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', role: 'analyst', status: 'active' },
};
const me = (current: boolean) => ({
  user: { ...session.user, email: 'a@x.kz', fullName: 'A' },
  consent: { current, policyVersion: '2' },
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let db: WebTaggerDb;
let n = 0;
const fetchMock = vi.fn<typeof fetch>();

async function gates(): Promise<Gate['name'][]> {
  const shown: Gate[] = [];
  await resolveGate((gate) => shown.push(gate), { db, fetch: fetchMock });
  return shown.map((g) => (g.name === 'main' && g.offline ? ('main-offline' as never) : g.name));
}

beforeEach(() => {
  fakeBrowser.reset();
  db = new WebTaggerDb(`gate-test-${n++}`);
  fetchMock.mockReset();
});
afterEach(async () => {
  await db.delete();
});

describe('resolveGate', () => {
  it('asks for a sign-in without a session, without calling the server', async () => {
    expect(await gates()).toEqual(['sign-in']);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the form at once, and keeps it when the server says consent is current', async () => {
    await setSession(session);
    fetchMock.mockResolvedValue(json(200, me(true)));
    expect(await gates()).toEqual(['main', 'main']);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/api/me');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer secret-token');
  });

  it('asks the server only once the popup lets it, behind the form', async () => {
    await setSession(session);
    fetchMock.mockResolvedValue(json(200, me(true)));
    let allow: () => void = () => undefined;
    const shown: Gate['name'][] = [];
    const resolving = resolveGate(
      (gate) => shown.push(gate.name),
      { db, fetch: fetchMock },
      () => new Promise<void>((resolve) => (allow = resolve)),
    );
    await vi.waitFor(() => expect(shown).toEqual(['main']));
    expect(fetchMock).not.toHaveBeenCalled();
    allow();
    await resolving;
    expect(shown).toEqual(['main', 'main']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows the local gate it is given, already being read, instead of reading it again', async () => {
    await setSession(session);
    const shown: Gate['name'][] = [];
    const reading = Promise.resolve<Gate>({ name: 'sign-in', previous: session });
    await resolveGate(
      (gate) => shown.push(gate.name),
      { db, fetch: fetchMock },
      undefined,
      reading,
    );
    expect(shown).toEqual(['sign-in']);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for consent when the server says the current policy is not accepted', async () => {
    await setSession(session);
    fetchMock.mockResolvedValue(json(200, me(false)));
    expect(await gates()).toEqual(['main', 'consent']);
  });

  it('asks for consent first when the background was refused for lack of it', async () => {
    await setSession(session);
    await setMeta(db, 'consentRequired', { policyVersion: '2', at: 1 });
    fetchMock.mockResolvedValue(json(200, me(false)));
    expect(await gates()).toEqual(['consent', 'consent']);
  });

  it('forgets a stale consent flag once the server says consent is current', async () => {
    await setSession(session);
    await setMeta(db, 'consentRequired', { policyVersion: '2', at: 1 });
    fetchMock.mockResolvedValue(json(200, me(true)));
    expect(await gates()).toEqual(['consent', 'main']);
    expect(await getMeta(db, 'consentRequired')).toBeUndefined();
  });

  it('asks for a new sign-in when the server refuses the token, keeping the account', async () => {
    await setSession(session);
    fetchMock.mockResolvedValue(json(401, { error: { code: 'unauthorized', message: 'no' } }));
    expect(await gates()).toEqual(['main', 'sign-in']);
    expect(await getSession()).toMatchObject({ serverUrl: session.serverUrl, needsSignIn: true });
    expect(await gates()).toEqual(['sign-in']);
  });

  it('keeps the form, marked offline, when the server cannot be reached', async () => {
    await setSession(session);
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    expect(await gates()).toEqual(['main', 'main-offline']);
    await setMeta(db, 'consentRequired', { at: 1 });
    expect(await gates()).toEqual(['consent', 'main-offline']);
  });

  it('stops saying offline once a sync run after the check reached the server', () => {
    const offline: Gate = { name: 'main', session, offline: true };
    const at = 1_000;
    expect(gateAfterSync(offline, { at: at + 5, outcome: 'done', pushed: 0 }, at)).toEqual({
      name: 'main',
      session,
      offline: false,
    });
    // A failed run, or one that ended before the check, says nothing new.
    expect(gateAfterSync(offline, { at: at + 5, outcome: 'retry_later', pushed: 0 }, at)).toBe(
      offline,
    );
    expect(gateAfterSync(offline, { at: at - 5, outcome: 'done', pushed: 0 }, at)).toBe(offline);
  });
});
