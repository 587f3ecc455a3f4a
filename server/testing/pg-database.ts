import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** The migrated database every test database is copied from (pg-global-setup.ts makes it). */
export const TEMPLATE_DATABASE = 'webtagger_template';

/**
 * A fresh, migrated database on the run's throwaway cluster; `drop()` removes it. Call in a hook
 * of the test file (or a test) and drop in the matching after-hook.
 */
export async function createPgTestDatabase(
  options: { empty?: boolean } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  // An empty one (no tables) is what a restore goes into.
  const template = options.empty ? 'template0' : TEMPLATE_DATABASE;
  const clusterUrl = inject('pgClusterUrl');
  const name = `webtagger_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: clusterUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  // Test files run in parallel: a copy is refused while another process is connected to the
  // template for a moment, so it is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      // FILE_COPY: with durability off a copy of the small template takes ~50 ms, WAL_LOG ~400.
      await admin(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
