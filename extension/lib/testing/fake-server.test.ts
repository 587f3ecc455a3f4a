import { describeSyncContract } from '#shared/testing/sync-contract';
import { createFakeServer } from './fake-server';
import { SESSION } from './fixtures';

// The fake the sync tests run on answers as the real server does: the same contract runs on the
// real app in server/features/sync/contract.test.ts.
describeSyncContract('the extension’s fake server', async () => ({
  fetch: createFakeServer().fetch,
  baseUrl: SESSION.serverUrl,
  token: SESSION.token,
}));
