import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswerIn } from '../../testing/answers';
import { createTestApp } from '../../testing/test-app';
import { addAccount, answerOf, type TestAccount } from './testing';

// One app for the whole file: every hostile JSON request to the routes of accounts, consent and
// administration is refused with a stable 4xx, never a 5xx.
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestAccount;
let admin: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  analyst = await addAccount(t);
  admin = await addAccount(t, { role: 'admin' });
});
afterAll(() => t.dispose());

type BodyInit = NonNullable<RequestInit['body']>;
const send = (path: string, init: RequestInit) => answerOf(t.app.request(path, init));
const postJson = (
  path: string,
  body: BodyInit,
  auth: Record<string, string> = {},
  type = 'application/json',
) => send(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body });

describe('hostile JSON', () => {
  const jsonRoutes = () =>
    [
      ['/api/auth/login', {}],
      ['/api/consent', analyst.auth],
      ['/api/admin/policy', admin.auth],
      [`/api/admin/users/${analyst.id}/role`, admin.auth],
    ] as const;

  it.each([
    ['malformed JSON', '{"email":'],
    ['a JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a JSON string', '"x"'],
    [
      'wrong types',
      '{"email":5,"password":[],"policyVersion":{},"scopes":"all","version":1,"role":true}',
    ],
    ['a prototype-polluting key', '{"__proto__":{"role":"admin"},"constructor":{"prototype":{}}}'],
    ['a deeply nested body', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['bad UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    [
      'oversize fields',
      JSON.stringify({
        email: `${'a'.repeat(300)}@x.kz`,
        password: 'p'.repeat(10_000),
        version: 'v'.repeat(1000),
        role: 'r'.repeat(1000),
      }),
    ],
  ])('refuses %s on every JSON route with validation_failed', async (_, body) => {
    for (const [path, auth] of jsonRoutes()) {
      const answer = await postJson(path, body as BodyInit, auth);
      expect([path, answer.status, answer.code]).toEqual([path, 400, 'validation_failed']);
    }
  });

  it('refuses a body not declared as JSON with unsupported_media_type', async () => {
    for (const [path, auth] of jsonRoutes()) {
      const answer = await postJson(path, 'email=a', auth, 'application/x-www-form-urlencoded');
      expect([path, answer.status, answer.code]).toEqual([path, 415, 'unsupported_media_type']);
    }
  });

  it('refuses a body over 8 MiB with payload_too_large', async () => {
    const huge = JSON.stringify({ email: 'a@b.kz', password: 'x'.repeat(9 * 1024 * 1024) });
    const answer = await postJson('/api/auth/login', huge);
    expect([answer.status, answer.code]).toEqual([413, 'payload_too_large']);
  });

  it('refuses hostile query strings', async () => {
    for (const path of [
      '/api/admin/users?status=PENDING',
      '/api/admin/users?limit=1e309',
      '/api/admin/users?cursor=%00%00',
      `/api/admin/audit?cursor=${'9'.repeat(40)}`,
      '/api/admin/audit?action=%27%20OR%201%3D1',
    ]) {
      const answer = await send(path, { headers: admin.auth });
      expect([path, answer.status, answer.code]).toEqual([path, 400, 'validation_failed']);
    }
  });

  it('answers not_found for hostile ids and versions', async () => {
    for (const path of [
      '/api/policy/..%2F..%2Fetc%2Fpasswd',
      `/api/policy/${'9'.repeat(5000)}`,
      '/api/admin/documents/..%2F..%2Fwebtagger.sqlite/file',
      '/api/admin/documents/%00/file',
    ]) {
      const answer = await send(path, { headers: admin.auth });
      expect([path, answer.status, answer.code]).toEqual([path, 404, 'not_found']);
    }
  });

  it('refuses random bodies on every JSON route with validation_failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify({ email: v, password: v, scopes: v })),
        ),
        fc.constantFrom(...jsonRoutes()),
        async (body, [path, auth]) => {
          const answer = await postJson(path, body, auth);
          expectAnswerIn(answer, ['400 validation_failed'], path);
        },
      ),
      { numRuns: 60 },
    );
  });
});
