import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswerIn } from '../../testing/answers';
import { sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';

// One app for the whole file: every request here must be refused or judged, never crash it.
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterAll(() => t.dispose());

async function send(
  path: string,
  init: { method?: string; body?: RequestInit['body']; type?: string } = {},
) {
  const headers: Record<string, string> = { ...analyst.auth };
  if (init.type !== undefined) headers['content-type'] = init.type;
  const response = await t.app.request(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const push = (body: RequestInit['body'], type = 'application/json') =>
  send('/api/sync/push', { method: 'POST', body, type });

/** A 4xx with one of the stable codes, or a 200 that judged each mutation. */
type PushAnswer = Awaited<ReturnType<typeof push>>;

/**
 * A push judged mutation by mutation: a 200 with one result per mutation, in order, each exactly
 * one of the outcomes the test names (`applied`, `duplicate`, `rejected validation_failed`).
 */
function expectJudged(answer: PushAnswer, mutations: { id: string }[], outcomes: string[]) {
  expectAnswerIn({ status: answer.status, code: answer.body?.error?.code }, ['200']);
  const results: { id: string; status: string; code?: string }[] = answer.body.results;
  expect(results.map((r) => r.id)).toEqual(mutations.map((m) => m.id));
  for (const r of results) expect(outcomes).toContain(r.code ? `${r.status} ${r.code}` : r.status);
}

describe('hostile push requests', () => {
  it.each([
    ['malformed JSON', '{"deviceId":"d","mutations":[', 400],
    ['a JSON null', 'null', 400],
    ['a JSON array', '[]', 400],
    ['mutations that are not an array', '{"deviceId":"d","mutations":{"0":{}}}', 400],
    ['no mutations', '{"deviceId":"d","mutations":[]}', 400],
    ['a mutation without an id', '{"deviceId":"d","mutations":[{"op":"delete"}]}', 400],
    ['a mutation id that is not a UUID', '{"deviceId":"d","mutations":[{"id":"../../x"}]}', 400],
    ['a missing device id', `{"mutations":[{"id":"${crypto.randomUUID()}"}]}`, 400],
    ['a deeply nested body', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 400],
  ])('answers %s with a stable 4xx', async (_, body, status) => {
    const answer = await push(body);
    expect([answer.status, answer.body.error.code]).toEqual([status, 'validation_failed']);
  });

  it('refuses 501 mutations as a whole', async () => {
    const mutations = Array.from({ length: 501 }, () => upsertOf(sampleReport()));
    const answer = await push(JSON.stringify({ deviceId: 'd', mutations }));
    expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses a body that is not declared as JSON', async () => {
    const answer = await push('deviceId=d', 'application/x-www-form-urlencoded');
    expect([answer.status, answer.body.error.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('refuses a body over the size limit', async () => {
    const answer = await push(`{"deviceId":"${'x'.repeat(9 * 1024 * 1024)}"}`);
    expect([answer.status, answer.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('judges huge fields, wrong types and unknown fields mutation by mutation', async () => {
    const base = sampleReport();
    const reports = [
      { ...base, id: crypto.randomUUID(), note: 'x'.repeat(2001) },
      { ...base, id: crypto.randomUUID(), url: `https://example.kz/${'a'.repeat(3000)}` },
      { ...base, id: crypto.randomUUID(), languages: 'ru' },
      { ...base, id: crypto.randomUUID(), capturedAt: 12 },
      { ...base, id: crypto.randomUUID(), geography: { indicated: true, country: 'KZ', x: 1 } },
      { ...base, id: crypto.randomUUID(), userId: crypto.randomUUID() },
      { ...base, id: crypto.randomUUID(), status: 'blocked' },
      { ...base, id: 'not-a-uuid' },
    ];
    const answer = await push(
      JSON.stringify({
        deviceId: 'd',
        mutations: reports.map((report) => ({ id: crypto.randomUUID(), op: 'upsert', report })),
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(reports.length);
    for (const result of answer.body.results) {
      expect(result).toMatchObject({ status: 'rejected', code: 'validation_failed' });
    }
  });

  it('judges bad UTF-8, lone surrogates and __proto__ keys like any other mutation', async () => {
    const report = sampleReport();
    const mutation = upsertOf(report);
    const json = JSON.stringify({ deviceId: 'd', mutations: [mutation] });
    const badUtf8 = Buffer.concat([
      Buffer.from(json.slice(0, json.indexOf(report.note))),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from(json.slice(json.indexOf(report.note))),
    ]);
    // Bad bytes are read as replacement characters: the note is still a note.
    expectJudged(await push(badUtf8), [mutation], ['applied']);
    // The same mutation again, whatever its text, is answered from the first time.
    expectJudged(
      await push(json.replace(report.note, '\\ud800\\udfff\\ud800')),
      [mutation],
      ['duplicate'],
    );
    const proto = json.replace('"deviceId"', '"__proto__":{"admin":true},"deviceId"');
    expectJudged(await push(proto), [mutation], ['duplicate']);
    // And as new mutations of their own.
    const fresh = (text: string) => {
      const other = sampleReport();
      const m = upsertOf(other);
      return {
        m,
        body: JSON.stringify({ deviceId: 'd', mutations: [m] }).replace(other.note, text),
      };
    };
    const surrogates = fresh('\\ud800\\udfff\\ud800');
    expectJudged(await push(surrogates.body), [surrogates.m], ['applied']);
    const polluted = fresh('x');
    const pollutedBody = polluted.body.replace(
      '"deviceId"',
      '"__proto__":{"admin":true},"deviceId"',
    );
    expectJudged(await push(pollutedBody), [polluted.m], ['applied']);
  });

  it('rejects any JSON value in place of a mutation with validation_failed, one by one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), async (junk) => {
        const mutations = junk.map((value) =>
          value && typeof value === 'object' && !Array.isArray(value)
            ? { ...value, id: crypto.randomUUID() }
            : { id: crypto.randomUUID(), op: 'upsert', report: value },
        );
        const answer = await push(JSON.stringify({ deviceId: 'fuzz', mutations }));
        if (mutations.length === 0) {
          // No mutations at all is a malformed push, refused as a whole.
          expectAnswerIn({ status: answer.status, code: answer.body?.error?.code }, [
            '400 validation_failed',
          ]);
        } else expectJudged(answer, mutations, ['rejected validation_failed']);
      }),
      { numRuns: 150 },
    );
  });

  it('applies or rejects (validation_failed) any report-shaped mutation with wrong values', async () => {
    const field = fc.constantFrom(...Object.keys(sampleReport()));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, fc.jsonValue({ maxDepth: 2 })), async (overrides) => {
        const report = { ...sampleReport(), ...overrides };
        const mutation = { id: crypto.randomUUID(), op: 'upsert', report };
        const answer = await push(JSON.stringify({ deviceId: 'fuzz', mutations: [mutation] }));
        // Values that happen to be valid (or no override at all) make a report like any other.
        expectJudged(answer, [mutation], ['applied', 'rejected validation_failed']);
      }),
      { numRuns: 150 },
    );
  });
});

describe('hostile pull and known-urls queries', () => {
  it.each([
    '/api/sync/pull?limit=abc',
    '/api/sync/pull?limit=-1',
    '/api/sync/pull?limit=1e309',
    '/api/sync/pull?cursor=%00%FF',
    `/api/sync/pull?cursor=${encodeURIComponent('ОДИН')}`,
    `/api/sync/pull?cursor=${Buffer.from('99999999999999999999').toString('base64url')}`,
    '/api/known-urls?cursor=%2E%2E%2F',
    `/api/known-urls?cursor=${'A'.repeat(5000)}`,
  ])('answers %s with validation_failed', async (path) => {
    const answer = await send(path);
    expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
  });
});
