import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, documents, reports, users } from '../../db/schema';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { fileOf, fromAddress, jsonOf, registrationForm, SAMPLE_FILES } from '../accounts/testing';
import { runRetention } from './retention-service';

let t: Awaited<ReturnType<typeof createTestApp>>;
const DAY = 86_400_000;
const RETENTION_DAYS = 30;

/** Everything personal the erased user left, as they typed it or as the server saw them. */
const PERSON = {
  fullName: 'Жумабекова Сауле Ерлановна',
  email: 'saule.zhumabekova@gov.test',
  phone: '+7 702 318 45 96',
  organization: 'Департамент цифрового надзора',
  position: 'Старший инспектор',
  ip: '203.0.113.77',
  userAgent: 'Mozilla/5.0 Saule-Laptop',
  documentName: 'udostoverenie-zhumabekova.pdf',
  representedEmail: 'klient.predstavitel@mail.kz',
};

const from = fromAddress(PERSON.ip);
const withAgent = (headers: Record<string, string> = {}) => ({
  ...headers,
  'user-agent': PERSON.userAgent,
});

/** Registers, gets approved, signs in, uploads a power of attorney, reports, and closes the account. */
async function erasureRequest() {
  const admin = createUser(t, { role: 'admin' });
  const form = registrationForm(
    '1',
    {
      fullName: PERSON.fullName,
      email: PERSON.email,
      phone: PERSON.phone,
      organization: PERSON.organization,
      position: PERSON.position,
    },
    [fileOf(SAMPLE_FILES.pdf, PERSON.documentName)],
  );
  const registered = await t.app.request(
    '/api/auth/register',
    { method: 'POST', body: form, headers: withAgent() },
    from,
  );
  expect(registered.status).toBe(201);
  const { userId } = await jsonOf(registered);
  const adminPost = (path: string) => t.app.request(path, { method: 'POST', headers: admin.auth });
  expect((await adminPost(`/api/admin/users/${userId}/approve`)).status).toBe(200);

  const login = await t.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: withAgent({ 'content-type': 'application/json' }),
      body: JSON.stringify({ email: PERSON.email, password: 'a long enough password' }),
    },
    from,
  );
  const auth = { authorization: `Bearer ${(await jsonOf(login)).token}` };

  const poa = new FormData();
  poa.append('document', fileOf(SAMPLE_FILES.pdf, PERSON.documentName));
  const upload = await t.app.request(
    '/api/me/documents',
    { method: 'POST', body: poa, headers: withAgent(auth) },
    from,
  );
  const documentId = (await jsonOf(upload)).id;
  expect((await adminPost(`/api/admin/documents/${documentId}/approve`)).status).toBe(200);

  const plain = sampleReport();
  const represented = sampleReport({
    note: `Пишу по доверенности клиента, его почта ${PERSON.representedEmail}`,
    personalDataBasis: { kind: 'representation', documentId },
  });
  const pushed = await pushAs(t, { auth }, [upsertOf(plain), upsertOf(represented)]);
  expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual([
    'applied',
    'applied',
  ]);
  await t.app.request('/api/me/data', { headers: withAgent(auth) }, from);

  const closed = await t.app.request(
    '/api/me',
    { method: 'DELETE', headers: withAgent(auth) },
    from,
  );
  expect(closed.status).toBe(200);
  const documentIds = t.sqlite.db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.userId, userId))
    .all()
    .map((d) => d.id);
  expect(documentIds).toHaveLength(2);
  return { userId, documentIds, reportIds: [plain.id, represented.id] };
}

/** Every place in the database where a text column holds the needle. */
function findInDatabase(needle: string): string[] {
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

const documentPath = (id: string) => join(t.dataDir, 'documents', id);
const destroy = () => runRetention(t.storage, { now: t.deps.now(), retentionDays: RETENTION_DAYS });

describe('retention before the period has passed', () => {
  let erased: Awaited<ReturnType<typeof erasureRequest>>;
  beforeAll(async () => {
    t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: String(RETENTION_DAYS) });
    erased = await erasureRequest();
    t.advance((RETENTION_DAYS - 1) * DAY);
  });
  afterAll(() => t.dispose());

  it('keeps the personal data of a closed account', async () => {
    expect((await destroy()).userIds).toEqual([]);
    expect(findInDatabase(PERSON.email)).not.toEqual([]);
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
    erased = await erasureRequest();
    bystander = createUser(t, { email: 'bystander@gov.test' });
    foundBefore = Object.fromEntries(
      [PERSON.email, PERSON.fullName, PERSON.phone, PERSON.ip].map((v) => [v, findInDatabase(v)]),
    );
    t.advance(RETENTION_DAYS * DAY + 1);
    act = await destroy();
  });
  afterAll(() => t.dispose());

  it('leaves nothing personal of the person in the database or the data folder', () => {
    // The scan finds what it looks for while the data is there.
    for (const [value, places] of Object.entries(foundBefore))
      expect(places, value).not.toEqual([]);
    for (const value of Object.values(PERSON)) expect(findInDatabase(value), value).toEqual([]);
    for (const id of erased.documentIds) expect(existsSync(documentPath(id))).toBe(false);
  });

  it('keeps the reports, under an account id that no longer leads to anyone', () => {
    const { userId, reportIds } = erased;
    const kept = t.sqlite.db.select().from(reports).where(eq(reports.userId, userId)).all();
    expect(kept.map((r) => r.id).sort()).toEqual([...reportIds].sort());
    expect(kept.find((r) => r.id === reportIds[0])?.note).toBe(
      'Реклама онлайн-казино без лицензии.',
    );
    const account = t.sqlite.db.select().from(users).where(eq(users.id, userId)).get()!;
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

  it('records the act of destruction: when, whose and how much', () => {
    const [event] = t.sqlite.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'retention.personal_data_destroyed'))
      .all();
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
    const acts = t.sqlite.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'retention.personal_data_destroyed'))
      .all();
    expect(acts).toHaveLength(1);
    expect(findInDatabase(bystander.email)).toEqual(['users.email']);
  });
});

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
    const erased = await erasureRequest();
    const account = t.sqlite.db.select().from(users).where(eq(users.id, erased.userId)).get()!;
    const names = t.sqlite.db
      .select({ name: documents.originalName })
      .from(documents)
      .where(eq(documents.userId, erased.userId))
      .all();
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
