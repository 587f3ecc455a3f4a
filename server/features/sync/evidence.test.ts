import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { sha256Hex } from '../evidence/evidence-files';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

// A PNG signature and its header chunk: what the content check looks for.
const PNG = new Uint8Array([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
  ...new TextEncoder().encode('IHDR'),
  ...[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 5, 6, 7, 8]);

async function upload(
  bytes: Uint8Array,
  options: { type?: string; path?: string; user?: { auth: Record<string, string> } } = {},
) {
  const headers: Record<string, string> = { ...(options.user ?? analyst).auth };
  if (options.type !== '') headers['content-type'] = options.type ?? 'image/png';
  const response = await t.app.request(options.path ?? `/api/evidence/${sha256Hex(bytes)}`, {
    method: 'PUT',
    headers,
    body: bytes,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

describe('evidence upload', () => {
  it('stores a PNG under its hash: 201 the first time, 200 after', async () => {
    const sha256 = sha256Hex(PNG);
    const first = await upload(PNG);
    expect(first).toEqual({ status: 201, body: { sha256, mime: 'image/png', bytes: PNG.length } });
    expect(readFileSync(join(t.dataDir, 'evidence', sha256))).toEqual(Buffer.from(PNG));
    const again = await upload(PNG, { user: createUser(t) });
    expect(again.status).toBe(200);
    const rows = await t.rows('evidence');
    expect(rows).toMatchObject([
      { sha256, mime: 'image/png', bytes: PNG.length, uploadedBy: analyst.id },
    ]);
    expect(readdirSync(join(t.dataDir, 'evidence'))).toEqual([sha256]);
  });

  it('accepts a JPEG declared as one', async () => {
    expect((await upload(JPEG, { type: 'image/jpeg' })).status).toBe(201);
  });

  it('refuses a body whose hash is not the one in the path', async () => {
    const other = sha256Hex(JPEG);
    const { status, body } = await upload(PNG, { path: `/api/evidence/${other}` });
    expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    expect(existsSync(join(t.dataDir, 'evidence', other))).toBe(false);
  });

  it('judges the type by content as well as by the header', async () => {
    const html = new TextEncoder().encode('<script>alert(1)</script>');
    const polyglot = new Uint8Array([...PNG, ...new TextEncoder().encode('<html><script>')]);
    const cases = [
      { bytes: PNG, type: 'image/jpeg' },
      { bytes: html, type: 'image/png' },
      { bytes: PNG.subarray(0, 8), type: 'image/png' },
      { bytes: polyglot, type: 'image/png' },
      { bytes: PNG, type: 'image/gif' },
      { bytes: PNG, type: 'application/octet-stream' },
      { bytes: PNG, type: '' },
    ];
    for (const { bytes, type } of cases) {
      const { status, body } = await upload(bytes, { type });
      expect([type, status, body.error.code]).toEqual([type, 415, 'unsupported_media_type']);
    }
  });

  it('refuses an image over 10 MiB', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    const { status, body } = await upload(big);
    expect([status, body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('checks the name is a hash before it reaches the file system', async () => {
    for (const name of [
      '..%2F..%2Fwebtagger.sqlite',
      `..%2F${'a'.repeat(61)}`,
      sha256Hex(PNG).toUpperCase(),
      `${sha256Hex(PNG)}.png`,
      'a'.repeat(63),
    ]) {
      const { status, body } = await upload(PNG, { path: `/api/evidence/${name}` });
      expect([name, status, body?.error.code]).toEqual([name, 400, 'validation_failed']);
    }
    expect(existsSync(join(t.dataDir, 'evidence'))).toBe(false);
  });

  it('needs a signed-in analyst with consent', async () => {
    expect((await upload(PNG, { user: { auth: {} } })).status).toBe(401);
    const noConsent = await upload(PNG, { user: createUser(t, { consent: false }) });
    expect(noConsent.body.error.code).toBe('consent_required');
    const reviewer = await upload(PNG, { user: createUser(t, { role: 'reviewer' }) });
    expect(reviewer.body.error.code).toBe('forbidden');
  });
});
