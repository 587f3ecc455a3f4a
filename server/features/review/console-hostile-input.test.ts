import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswerIn } from '../../testing/answers';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { answerOf } from '../accounts/testing';
import { report } from './testing';

// One app for the whole file: every hostile request to review, statistics, disclosures and the
// data subject's routes is refused with a stable 4xx, never a 5xx.
let t: Awaited<ReturnType<typeof createTestApp>>;
let reviewer: TestUser;
let admin: TestUser;
let materialId: string;

beforeAll(async () => {
  t = await createTestApp();
  reviewer = createUser(t, { role: 'reviewer' });
  admin = createUser(t, { role: 'admin' });
  materialId = (await report(t, createUser(t))).materialId;
});
afterAll(() => t.dispose());

type Body = NonNullable<RequestInit['body']>;
const postJson = (
  path: string,
  body: Body,
  auth: Record<string, string>,
  type = 'application/json',
) =>
  answerOf(
    t.app.request(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body }),
  );
const get = (path: string, auth: Record<string, string>) =>
  answerOf(t.app.request(path, { headers: auth }));

const jsonRoutes = () =>
  [
    [`/api/materials/${materialId}/decision`, reviewer.auth],
    ['/api/admin/disclosures', admin.auth],
  ] as const;

describe('hostile requests to the console', () => {
  it.each([
    ['malformed JSON', '{"status":'],
    ['a JSON null', 'null'],
    ['a JSON array', '[]'],
    ['a JSON string', '"confirmed"'],
    ['wrong types', '{"status":5,"comment":[],"expectedVersion":"2","recipient":{},"scope":"all"}'],
    ['a prototype-polluting key', '{"__proto__":{"status":"blocked"},"constructor":{}}'],
    ['a deeply nested body', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['bad UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    [
      'oversize fields',
      JSON.stringify({
        status: 'confirmed',
        comment: 'c'.repeat(100_000),
        expectedVersion: 1,
        recipient: 'r'.repeat(100_000),
        basis: 'b'.repeat(100_000),
        requestNumber: '1',
        requestDate: '2026-11-24',
        scope: { to: '2026-11-24' },
      }),
    ],
    ['a huge version', '{"status":"under_review","comment":"","expectedVersion":1e309}'],
  ])('refuses %s on every JSON route with validation_failed', async (_, body) => {
    for (const [path, auth] of jsonRoutes()) {
      const answer = await postJson(path, body as Body, auth);
      expect([path, answer.status, answer.code]).toEqual([path, 400, 'validation_failed']);
    }
  });

  it('refuses a body not declared as JSON with unsupported_media_type', async () => {
    for (const [path, auth] of jsonRoutes()) {
      const answer = await postJson(path, 'status=confirmed', auth, 'text/plain');
      expect([path, answer.status, answer.code]).toEqual([path, 415, 'unsupported_media_type']);
    }
  });

  it('refuses a body over 8 MiB with payload_too_large', async () => {
    const huge = JSON.stringify({ comment: 'x'.repeat(9 * 1024 * 1024) });
    for (const [path, auth] of jsonRoutes()) {
      const answer = await postJson(path, huge, auth);
      expect([path, answer.status, answer.code]).toEqual([path, 413, 'payload_too_large']);
    }
  });

  it('refuses hostile query strings: bad cursors, dates, numbers and codes', async () => {
    for (const [path, auth] of [
      ['/api/materials?cursor=%00%00', reviewer.auth],
      [`/api/materials?cursor=${'9'.repeat(100)}`, reviewer.auth],
      ['/api/materials?cursor=MDAx', reviewer.auth],
      ['/api/materials?cursor=LTE', reviewer.auth],
      ['/api/materials?limit=1e309', reviewer.auth],
      ['/api/materials?limit=-1', reviewer.auth],
      ['/api/materials?status=SUBMITTED', reviewer.auth],
      ['/api/materials?topic=%27%20OR%201%3D1', reviewer.auth],
      ['/api/stats?by=day&from=2026-13-01', reviewer.auth],
      ['/api/stats?by=day&from=%00', reviewer.auth],
      ['/api/stats?by=day&to=9999999-01-01', reviewer.auth],
      ['/api/stats?by=__proto__', reviewer.auth],
      ['/api/admin/disclosures?cursor=W1tdXQ', admin.auth],
      ['/api/admin/disclosures?limit=0', admin.auth],
    ] as const) {
      const answer = await get(path, auth);
      expect([path, answer.status, answer.code]).toEqual([path, 400, 'validation_failed']);
    }
  });

  it('answers not_found for hostile material ids', async () => {
    for (const path of [
      '/api/materials/..%2F..%2Fetc%2Fpasswd',
      `/api/materials/${'9'.repeat(5000)}`,
      '/api/materials/%00',
      `/api/materials/${crypto.randomUUID()}`,
    ]) {
      const answer = await get(path, reviewer.auth);
      expect([path, answer.status, answer.code]).toEqual([path, 404, 'not_found']);
    }
  });

  it('refuses random bodies on every JSON route with validation_failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc
            .jsonValue()
            .map((v) =>
              JSON.stringify({ status: v, comment: v, expectedVersion: v, scope: v, recipient: v }),
            ),
        ),
        fc.constantFrom(...jsonRoutes()),
        async (body, [path, auth]) =>
          expectAnswerIn(await postJson(path, body, auth), ['400 validation_failed'], path),
      ),
      { numRuns: 60 },
    );
  });

  it('reads broken percent-encoding as text, and refuses it where no text is allowed', async () => {
    for (const raw of ['q=%E0%A4%A', 'q=%', 'cursor=%FF%FE', 'q=%uD800', 'q=%00', 'by=%C0%AF']) {
      for (const path of ['/api/materials', '/api/stats', '/api/admin/disclosures']) {
        // A search or an unknown parameter is only text; a cursor must be one, and the
        // statistics need a valid grouping (`by`).
        const refused = path === '/api/stats' || raw.startsWith('cursor=');
        expectAnswerIn(
          await get(`${path}?${raw}`, admin.auth),
          [refused ? '400 validation_failed' : '200'],
          `${path}?${raw}`,
        );
      }
    }
  });

  // A smoke test: which random strings make a valid query cannot be told in advance; the precise
  // answers are asserted above ('refuses hostile query strings: bad cursors, dates, numbers and codes').
  it('smoke: answers random query strings on every GET route with 200 or validation_failed', async () => {
    const routes = ['/api/materials', '/api/stats', '/api/admin/disclosures'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.constantFrom('status', 'topic', 'q', 'cursor', 'limit', 'by', 'from', 'to', 'order'),
          fc.string({ maxLength: 300 }),
        ),
        async (path, params) => {
          const query = new URLSearchParams(params).toString();
          expectAnswerIn(
            await get(`${path}?${query}`, admin.auth),
            ['200', '400 validation_failed'],
            `${path}?${query}`,
          );
        },
      ),
      { numRuns: 80 },
    );
  });
});
