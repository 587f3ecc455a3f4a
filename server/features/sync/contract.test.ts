import { describeSyncContract, type SyncContractTarget } from '#shared/testing/sync-contract';
import { createTestAppOnPostgres } from '../../testing/pg-test-app';
import { createTestApp } from '../../testing/test-app';
import { addUser } from '../../testing/users';

// The real app on a temporary database: what the extension's fake server is checked against
// (extension/lib/testing/fake-server.test.ts runs the same contract on the fake).
describeSyncContract('the server', async () => targetOf(await createTestApp()));

// The same contract with push, pull and known URLs on the PostgreSQL engine.
describeSyncContract('the server on PostgreSQL', async () =>
  targetOf(await createTestAppOnPostgres()),
);

async function targetOf(
  t:
    | Awaited<ReturnType<typeof createTestApp>>
    | Awaited<ReturnType<typeof createTestAppOnPostgres>>,
): Promise<SyncContractTarget> {
  const analyst = await addUser(t);
  return {
    fetch: async (input, init) => t.app.fetch(new Request(input, init)),
    baseUrl: 'http://webtagger.test',
    token: analyst.token,
    dispose: () => t.dispose(),
  };
}
