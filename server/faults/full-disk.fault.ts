import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../db/open';
import { rawMultipart, registrationParts, SAMPLE_FILES } from '../features/accounts/testing';
import { currentPolicy } from '../features/consent/policy-store';
import { sha256Hex } from '../features/evidence/evidence-files';
import { sampleReport, upsertOf } from '../testing/reports';
import { type SeededAccount, seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';

// R13: the data folder on a small tmpfs of its own, filled to the last byte while the real server
// runs. Writes answer 503 storage_full with Retry-After (never 500), nothing acknowledged is lost,
// and the server works again as soon as space returns, without a restart.
const ADMIN = { email: 'admin@full-disk.test', password: 'a long enough password' };
let root: string;
let disk: string;
let dataDir: string;
let server: SpawnedServer;
let analyst: SeededAccount;
let policyVersion: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'webtagger-r13-'));
  disk = join(root, 'disk');
  mkdirSync(disk);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', disk]);
  dataDir = join(disk, 'data');
  const storage = openStorage(dataDir);
  analyst = (await seedAccounts(storage, 1))[0]!;
  policyVersion = (await currentPolicy(storage))!.version;
  storage.close();
  server = await spawnServer({
    dataDir,
    env: { WEBTAGGER_ADMIN_EMAIL: ADMIN.email, WEBTAGGER_ADMIN_PASSWORD: ADMIN.password },
  });
});
afterAll(async () => {
  await server?.stop();
  if (disk) execFileSync('umount', [disk]);
  rmSync(root, { recursive: true, force: true });
});

const FILLER = () => join(disk, 'filler');
/** Fills the disk to its last byte. */
function fillDisk() {
  const fd = openSync(FILLER(), 'w');
  try {
    for (const size of [1024 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

type Answer = { status: number; code?: string; retryAfter: string | null; body: unknown };
async function call(path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: string } }
    | undefined;
  return {
    status: response.status,
    code: body?.error?.code,
    retryAfter: response.headers.get('retry-after'),
    body,
  };
}
const json = (token: string | undefined, body: unknown): RequestInit => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  },
  body: JSON.stringify(body),
});
const push = (mutations: unknown[]) =>
  call('/api/sync/push', json(analyst.token, { deviceId: 'full-disk', mutations }));
const signIn = () => call('/api/auth/login', json(undefined, ADMIN));
const evidence = (seed: string) => {
  const bytes = Buffer.concat([SAMPLE_FILES.png, Buffer.from(seed), Buffer.alloc(64 * 1024)]);
  return call(`/api/evidence/${sha256Hex(bytes)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': 'image/png' },
    body: bytes,
  });
};
let registrations = 0;
const register = () => {
  const BOUNDARY = 'R13boundary';
  const fields = registrationParts(`r13-${registrations++}@gov.test`, policyVersion);
  const document = {
    headers:
      'Content-Disposition: form-data; name="documents"; filename="a.pdf"\r\nContent-Type: application/pdf',
    body: Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(256 * 1024)]),
  };
  return call('/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: rawMultipart([...fields, document], BOUNDARY),
  });
};
const storageFull = (answer: Answer) => {
  expect([answer.status, answer.code]).toEqual([503, 'storage_full']);
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
};

describe('R13: a full disk', () => {
  const acknowledged = sampleReport({ note: 'Acknowledged before the disk filled.' });
  const batch = Array.from({ length: 300 }, () =>
    upsertOf(sampleReport({ note: 'x'.repeat(1500) })),
  );

  it('answers 503 storage_full with Retry-After to every write, and loses nothing acknowledged', async () => {
    const before = await push([upsertOf(acknowledged)]);
    expect(before.status).toBe(200);
    fillDisk();

    storageFull(await push(batch));
    storageFull(await evidence('while full'));
    storageFull(await register());
    // Signing in writes a session and an audit event: it may still fit where SQLite has room.
    const login = await signIn();
    if (login.status !== 200) storageFull(login);
    expect((await call('/api/health', { method: 'GET' })).status).toBe(200);
  });

  it('works again once space returns, without a restart', async () => {
    rmSync(FILLER());
    const retried = await push(batch);
    expect(retried.status).toBe(200);
    const statuses = (retried.body as { results: { status: string }[] }).results.map(
      (r) => r.status,
    );
    // Nothing of the refused batch was stored half-way: every mutation applies now.
    expect(new Set(statuses)).toEqual(new Set(['applied']));
    expect((await evidence('after')).status).toBe(201);
    expect((await register()).status).toBe(201);
    expect((await signIn()).status).toBe(200);

    await server.stop();
    const sqlite = new Database(join(dataDir, 'webtagger.sqlite'), { readonly: true });
    const ids = new Set(sqlite.prepare('SELECT id FROM reports').pluck().all() as string[]);
    sqlite.close();
    expect(ids.has(acknowledged.id)).toBe(true);
    for (const mutation of batch)
      expect(ids.has((mutation as { report: { id: string } }).report.id)).toBe(true);
  });
});
