import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { DAY, destroy as destroyIn, erasureRequest, PERSON, RETENTION_DAYS } from './testing';

// What an erasure leaves in the bytes of the SQLite file and its WAL: SQLite only
// (vitest.config.ts); retention.test.ts checks the database's contents on both engines.

let t: Awaited<ReturnType<typeof createTestApp>>;
const destroy = () => destroyIn(t);

/** The files under the data folder (database, WAL, documents…) whose raw bytes hold the value. */
function filesHolding(value: string): string[] {
  const needle = Buffer.from(value, 'utf8');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) found.push(relative(t.dataDir, path));
    }
  };
  walk(t.dataDir);
  return found;
}

describe('retention after an account is erased (DELETE /api/me)', () => {
  let secrets: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: String(RETENTION_DAYS) });
    const erased = await erasureRequest(t);
    const account = (await t.rows('users')).find((u) => u.id === erased.userId)!;
    const names = (await t.rows('documents'))
      .filter((d) => d.userId === erased.userId)
      .map((d) => ({ name: d.originalName }));
    // The values as stored, byte for byte, and as the person typed them.
    secrets = {
      ...PERSON,
      storedEmail: account.email,
      storedFullName: account.fullName,
      storedOrganization: account.organization,
      storedPosition: account.position,
      storedPhone: account.phone ?? PERSON.phone,
      passwordHash: account.passwordHash,
      passwordKey: account.passwordHash.split('$').at(-1)!,
      ...Object.fromEntries(names.map((d, i) => [`document${i}`, d.name])),
    };
  });
  afterAll(() => t.dispose());

  it('leaves none of the erased values in the raw bytes of the database file, its WAL or the data folder', async () => {
    // Before retention the scan finds them, so it is able to.
    for (const key of ['email', 'fullName', 'passwordKey', 'documentName'] as const) {
      expect(filesHolding(secrets[key]!), key).not.toEqual([]);
    }
    t.advance(RETENTION_DAYS * DAY + 1);
    expect((await destroy()).userIds).toHaveLength(1);
    for (const [key, value] of Object.entries(secrets)) {
      expect(filesHolding(value), key).toEqual([]);
    }
    // Nor after the server stops and the database is checkpointed once more.
    t.sqlite.close();
    for (const [key, value] of Object.entries(secrets)) {
      expect(filesHolding(value), key).toEqual([]);
    }
  });
});
