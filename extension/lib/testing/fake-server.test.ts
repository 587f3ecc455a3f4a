import { describe, expect, it } from 'vitest';
import { contractFailures, describeSyncContract } from '#shared/testing/sync-contract';
import { createFakeServer } from './fake-server';
import { SESSION } from './fixtures';

// The fake the sync tests run on answers as the real server does: the same contract runs on the
// real app in server/features/sync/contract.test.ts.
describeSyncContract('the extension’s fake server', async () => ({
  fetch: createFakeServer().fetch,
  baseUrl: SESSION.serverUrl,
  token: SESSION.token,
}));

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Ways a fake could drift from the server, each as a change to the fake's answers. */
const DRIFTS: { drift: string; fails: string; change(fetch: Fetch): Fetch }[] = [
  {
    drift: 'a repeated mutation is applied again',
    fails: 'applies an upsert once',
    change: (fetch) => async (url, init) => {
      const answer = await fetch(url, init);
      if (!url.endsWith('/api/sync/push')) return answer;
      return Response.json(
        JSON.parse((await answer.text()).replaceAll('"duplicate"', '"applied"')),
      );
    },
  },
  {
    drift: 'the pull ignores its cursor',
    fails: 'pulls every report at its latest version',
    change: (fetch) => (url, init) => fetch(url.replace(/([?&])cursor=[^&]*/, '$1'), init),
  },
  {
    drift: 'evidence already held is answered as new',
    fails: 'stores evidence under its hash',
    change: (fetch) => async (url, init) => {
      const answer = await fetch(url, init);
      return url.includes('/api/evidence/') && answer.status === 200
        ? new Response(await answer.text(), { status: 201, headers: answer.headers })
        : answer;
    },
  },
  {
    drift: 'a request without a token is served',
    fails: 'refuses a request without a token',
    change: (fetch) => (url, init) =>
      fetch(url, {
        ...init,
        headers: { ...(init.headers as object), authorization: `Bearer ${SESSION.token}` },
      }),
  },
];

describe('the sync contract notices a fake that drifts', () => {
  it.each(DRIFTS)('$drift', async ({ fails, change }) => {
    const failures = await contractFailures(async () => ({
      fetch: change(createFakeServer().fetch),
      baseUrl: SESSION.serverUrl,
      token: SESSION.token,
    }));
    expect(failures.map((f) => f.behaviour)).toContainEqual(expect.stringContaining(fails));
  });
});
