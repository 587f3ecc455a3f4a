import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '#shared/schemas/errors';
import { openStorage } from '../db/open';
import { rawMultipart, SAMPLE_FILES } from '../features/accounts/testing';
import { currentPolicy } from '../features/consent/policy-store';
import { sha256Hex } from '../features/evidence/evidence-files';
import { type SeededAccount, seedAccounts } from '../testing/seed';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { countBy } from './support/answer-check';
import { fileTree } from './support/file-tree';
import { HOSTILE_FILES, HOSTILE_NAMES } from './support/hostile-files';

// R5: hostile uploads to every upload endpoint of the real server are refused by content and size;
// hostile names never reach the filesystem; the data folder gains nothing but the accepted files.
const MIB = 1024 * 1024;
let root: string;
let dataDir: string;
let server: SpawnedServer;
let analyst: SeededAccount;
let policyVersion: string;
let before: Map<string, string>;
const answers: { route: string; case: string; status: number; code?: string }[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'webtagger-r5-'));
  dataDir = join(root, 'data');
  mkdirSync(join(root, 'outside'));
  const storage = openStorage(dataDir);
  analyst = (await seedAccounts(storage, 1))[0]!;
  policyVersion = (await currentPolicy(storage))!.version;
  storage.close();
  // Many registrations from one address: the registration rate limit is not what this tests.
  server = await spawnServer({ dataDir, env: { WEBTAGGER_REGISTRATIONS_PER_HOUR: '100000' } });
  before = fileTree(root);
});
afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

const BOUNDARY = 'R5boundary';
const part = (name: string, value: string) => ({
  headers: `Content-Disposition: form-data; name="${name}"`,
  body: value,
});
const filePart = (field: string, filename: string, type: string, bytes: Uint8Array) => ({
  headers: `Content-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}`,
  body: bytes,
});
let registrations = 0;
const registrationParts = () =>
  Object.entries({
    fullName: 'Сериков Арман',
    email: `r5-${registrations++}@gov.test`,
    password: 'a long enough password',
    organization: 'Министерство',
    position: 'Эксперт',
    policyVersion,
    acceptPolicy: 'true',
  }).map(([name, value]) => part(name, value));

async function send(route: string, label: string, path: string, init: RequestInit) {
  // After refusing an oversize body early the server closes that connection; a request that the
  // client's pool had already put on it fails before reaching the server and is sent again.
  const response = await fetch(`${server.url}${path}`, init).catch(() =>
    fetch(`${server.url}${path}`, init),
  );
  const text = await response.text();
  let code: string | undefined;
  try {
    code = JSON.parse(text).error?.code;
  } catch {
    code = undefined;
  }
  answers.push({ route, case: label, status: response.status, code });
  return { status: response.status, code, body: text };
}

const uploadDocument = (label: string, filename: string, type: string, bytes: Uint8Array) =>
  send('POST /api/me/documents', label, '/api/me/documents', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${analyst.token}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: rawMultipart([filePart('document', filename, type, bytes)], BOUNDARY),
  });
const register = (label: string, files: { filename: string; type: string; bytes: Uint8Array }[]) =>
  send('POST /api/auth/register', label, '/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: rawMultipart(
      [
        ...registrationParts(),
        ...files.map((f) => filePart('documents', f.filename, f.type, f.bytes)),
      ],
      BOUNDARY,
    ),
  });
const putEvidence = (label: string, type: string, bytes: Uint8Array, hash = sha256Hex(bytes)) =>
  send('PUT /api/evidence/:sha256', label, `/api/evidence/${hash}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${analyst.token}`, 'content-type': type },
    body: bytes,
  });

const refusedWith = (answer: { status: number; code?: string }, code: keyof typeof ERROR_STATUS) =>
  expect([answer.status, answer.code]).toEqual([ERROR_STATUS[code], code]);

describe('R5: hostile uploads', () => {
  it.each(HOSTILE_FILES)(
    'refuses $what as a document, at registration and as evidence',
    async (file) => {
      refusedWith(
        await uploadDocument(file.what, file.name, file.type, file.bytes),
        'unsupported_media_type',
      );
      refusedWith(
        await register(file.what, [{ filename: file.name, type: file.type, bytes: file.bytes }]),
        'unsupported_media_type',
      );
      if (file.type.startsWith('image/')) {
        refusedWith(await putEvidence(file.what, file.type, file.bytes), 'unsupported_media_type');
      }
    },
  );

  it('refuses oversize files with payload_too_large', async () => {
    const overDocument = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * MIB)]);
    refusedWith(
      await uploadDocument('10 MiB + a PDF', 'big.pdf', 'application/pdf', overDocument),
      'payload_too_large',
    );
    refusedWith(
      await register('10 MiB + a PDF', [
        { filename: 'big.pdf', type: 'application/pdf', bytes: overDocument },
      ]),
      'payload_too_large',
    );
    const overImage = Buffer.concat([SAMPLE_FILES.png, Buffer.alloc(10 * MIB)]);
    refusedWith(await putEvidence('10 MiB + a PNG', 'image/png', overImage), 'payload_too_large');
    const overCopy = Buffer.concat([Buffer.from('<!doctype html><html>'), Buffer.alloc(30 * MIB)]);
    refusedWith(
      await putEvidence('30 MiB + an HTML copy', 'text/html', overCopy),
      'payload_too_large',
    );
    const sixFiles = Array.from({ length: 6 }, () => ({
      filename: 'a.pdf',
      type: 'application/pdf',
      bytes: SAMPLE_FILES.pdf,
    }));
    refusedWith(await register('six documents', sixFiles), 'validation_failed');
  });

  it('refuses an image whose bytes are not the ones its hash names, or another type than declared', async () => {
    refusedWith(
      await putEvidence(
        'hash of other bytes',
        'image/png',
        SAMPLE_FILES.png,
        sha256Hex(SAMPLE_FILES.jpeg),
      ),
      'validation_failed',
    );
    refusedWith(
      await putEvidence('PNG declared as JPEG', 'image/jpeg', SAMPLE_FILES.png),
      'unsupported_media_type',
    );
    refusedWith(
      await putEvidence('an empty body', 'image/png', new Uint8Array(0)),
      'validation_failed',
    );
  });

  it.each([
    '..%2F..%2Foutside%2Fevil',
    '..',
    '%2e%2e',
    'A'.repeat(64),
    `${'a'.repeat(64)}%00`,
    `${'a'.repeat(63)}/`,
  ])('refuses the evidence path %j without touching the filesystem', async (hash) => {
    const answer = await putEvidence(`path ${hash}`, 'image/png', SAMPLE_FILES.png, hash);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });

  it.each(HOSTILE_NAMES)(
    'stores a valid PDF named %j under a generated name only',
    async (name) => {
      const bytes = Buffer.concat([SAMPLE_FILES.pdf, Buffer.from(`% ${name.length}\n`)]);
      const answer = await uploadDocument(
        `name ${name.slice(0, 40)}`,
        name,
        'application/pdf',
        bytes,
      );
      // A part header holding control characters is malformed: refused whole, nothing stored.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
      if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(name) && answer.status === 400) {
        expect(answer.code).toBe('validation_failed');
        return;
      }
      expect(answer.status).toBe(201);
      const stored = JSON.parse(answer.body) as { id: string; originalName: string };
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL byte is what is being checked for
      expect(stored.originalName).not.toMatch(/[/\\\u0000\r\n\u202e]/);
      expect(stored.originalName.length).toBeLessThanOrEqual(200);
    },
  );

  it('refuses a part whose file name smuggles in headers: the file is then the script, by content', async () => {
    const name = 'x.pdf"\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>';
    const answer = await uploadDocument(
      'header injection',
      name,
      'application/pdf',
      SAMPLE_FILES.pdf,
    );
    refusedWith(answer, 'unsupported_media_type');
  });

  it('accepts the genuine files, so the refusals above are about content', async () => {
    expect(
      (await uploadDocument('a genuine PNG', 'scan.png', 'image/png', SAMPLE_FILES.png)).status,
    ).toBe(201);
    expect(
      (
        await register('a genuine PDF', [
          { filename: 'a.pdf', type: 'application/pdf', bytes: SAMPLE_FILES.pdf },
        ])
      ).status,
    ).toBe(201);
    expect((await putEvidence('a genuine JPEG', 'image/jpeg', SAMPLE_FILES.jpeg)).status).toBe(201);
  });

  it('has written nothing outside the data folder, and inside it only the accepted files', async () => {
    await server.stop();
    const after = fileTree(root);
    const added = [...after.keys()].filter((path) => !before.has(path));
    const changedOutside = [...before.keys()].filter(
      (p) => !p.startsWith('data/') && after.get(p) !== before.get(p),
    );
    const sqlite = new Database(join(dataDir, 'webtagger.sqlite'), { readonly: true });
    const documents = sqlite.prepare('SELECT id, sha256 FROM documents').all() as {
      id: string;
      sha256: string;
    }[];
    const evidence = sqlite.prepare('SELECT sha256 FROM evidence').pluck().all() as string[];
    sqlite.close();
    const expected = new Set([
      ...documents.map((d) => `data/documents/${d.id}`),
      ...evidence.map((sha) => `data/evidence/${sha}`),
    ]);
    const stray = added.filter(
      (path) => !expected.has(path) && !/^data\/webtagger\.sqlite(-wal|-shm)?$/.test(path),
    );
    const refused = answers.filter((a) => a.status >= 400);
    const byCode = countBy(refused, (a) => a.code ?? a.status);
    console.info(
      `R5: ${answers.length} uploads, ${refused.length} refused ${JSON.stringify(byCode)}, ${answers.length - refused.length} accepted; ` +
        `files added ${added.length} (documents ${documents.length}, evidence ${evidence.length}), stray ${stray.length}, changed outside ${changedOutside.length}`,
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    expect(stray).toEqual([]);
    expect(changedOutside).toEqual([]);
    expect(added.filter((p) => !p.startsWith('data/'))).toEqual([]);
    // Each stored file is the one its row describes.
    for (const doc of documents) expect(after.get(`data/documents/${doc.id}`)).toBe(doc.sha256);
    for (const sha of evidence) expect(after.get(`data/evidence/${sha}`)).toBe(sha);
  });
});
