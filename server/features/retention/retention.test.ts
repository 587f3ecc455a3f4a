import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { DAY, destroy as destroyIn, erasureRequest, PERSON, RETENTION_DAYS } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;

/** Every place in the database where a text column holds the needle. */
async function findInDatabase(needle: string): Promise<string[]> {
  await t.arranged();
  if (t.engine === 'PostgreSQL') return findInPostgres(needle);
  const { sqlite } = t.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: string[] = [];
  for (const table of tables) {
    const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
      name: string;
      type: string;
    }[];
    for (const { name, type } of columns) {
      if (!/text/i.test(type)) continue;
      const hits = sqlite
        .prepare(`SELECT count(*) FROM "${table}" WHERE instr(lower("${name}"), lower(?)) > 0`)
        .pluck()
        .get(needle) as number;
      if (hits > 0) found.push(`${table}.${name}`);
    }
  }
  return found;
}

/** The same scan on PostgreSQL: every column, JSON included, read as text. */
async function findInPostgres(needle: string): Promise<string[]> {
  const { pool } = t.postgres;
  const columns = await pool.query<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const found: string[] = [];
  for (const { table, column } of columns.rows) {
    const hits = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
      [needle],
    );
    if (hits.rows[0]!.n > 0) found.push(`${table}.${column}`);
  }
  return found;
}

const documentPath = (id: string) => join(t.dataDir, 'documents', id);
const destroy = () => destroyIn(t);

describe('retention before the period has passed', () => {
  let erased: Awaited<ReturnType<typeof erasureRequest>>;
  beforeAll(async () => {
    t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: String(RETENTION_DAYS) });
    erased = await erasureRequest(t);
    t.advance((RETENTION_DAYS - 1) * DAY);
  });
  afterAll(() => t.dispose());

  it('keeps the personal data of a closed account', async () => {
    expect((await destroy()).userIds).toEqual([]);
    expect(await findInDatabase(PERSON.email)).not.toEqual([]);
    for (const id of erased.documentIds) expect(existsSync(documentPath(id))).toBe(true);
  });
});

describe('retention once the period has passed', () => {
  let erased: Awaited<ReturnType<typeof erasureRequest>>;
  let act: Awaited<ReturnType<typeof destroy>>;
  let foundBefore: Record<string, string[]>;
  let bystander: ReturnType<typeof createUser>;
  beforeAll(async () => {
    t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: String(RETENTION_DAYS) });
    erased = await erasureRequest(t);
    bystander = createUser(t, { email: 'bystander@gov.test' });
    foundBefore = {};
    for (const value of [PERSON.email, PERSON.fullName, PERSON.phone, PERSON.ip]) {
      foundBefore[value] = await findInDatabase(value);
    }
    t.advance(RETENTION_DAYS * DAY + 1);
    act = await destroy();
  });
  afterAll(() => t.dispose());

  it('leaves nothing personal of the person in the database or the data folder', async () => {
    // The scan finds what it looks for while the data is there.
    for (const [value, places] of Object.entries(foundBefore))
      expect(places, value).not.toEqual([]);
    for (const value of Object.values(PERSON)) {
      expect(await findInDatabase(value), value).toEqual([]);
    }
    for (const id of erased.documentIds) expect(existsSync(documentPath(id))).toBe(false);
  });

  it('keeps the reports, under an account id that no longer leads to anyone', async () => {
    const { userId, reportIds } = erased;
    const kept = (await t.rows('reports')).filter((r) => r.userId === userId);
    expect(kept.map((r) => r.id).sort()).toEqual([...reportIds].sort());
    expect(kept.find((r) => r.id === reportIds[0])?.note).toBe(
      'Реклама онлайн-казино без лицензии.',
    );
    const account = (await t.rows('users')).find((u) => u.id === userId)!;
    expect(account).toMatchObject({
      status: 'closed',
      fullName: '',
      organization: '',
      position: '',
      phone: null,
      passwordHash: '',
    });
    expect(account.email).toMatch(/^erased-[0-9a-f-]{36}@invalid$/);
  });

  it('records the act of destruction: when, whose and how much', async () => {
    const [event] = (await t.rows('auditEvents')).filter(
      (e) => e.action === 'retention.personal_data_destroyed',
    );
    expect(event).toMatchObject({
      at: act.at,
      actorUserId: null,
      details: {
        userIds: [erased.userId],
        documents: 2,
        consentRecords: 2,
        sessions: 1,
        reportsRedacted: 1,
        retentionDays: RETENTION_DAYS,
        cutoff: act.cutoff,
      },
    });
    expect(act).toMatchObject({ userIds: [erased.userId], files: 2, documents: 2 });
    expect(event?.details?.auditEvents).toBeGreaterThan(3);
  });

  it('destroys each account once, and touches no one else', async () => {
    expect((await destroy()).userIds).toEqual([]);
    const acts = (await t.rows('auditEvents')).filter(
      (e) => e.action === 'retention.personal_data_destroyed',
    );
    expect(acts).toHaveLength(1);
    expect(await findInDatabase(bystander.email)).toEqual(['users.email']);
  });
});
