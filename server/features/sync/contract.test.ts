import { describeSyncContract, type SyncContractTarget } from '#shared/testing/sync-contract';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';

// The real app on a temporary database: what the extension's fake server is checked against
// (extension/lib/testing/fake-server.test.ts runs the same contract on the fake).
describeSyncContract('the server', async () => targetOf(await createTestApp()));

function targetOf(t: TestApp): SyncContractTarget {
  const analyst = createUser(t);
  return {
    fetch: async (input, init) => t.app.fetch(new Request(input, init)),
    baseUrl: 'http://webtagger.test',
    token: analyst.token,
    dispose: () => t.dispose(),
  };
}
