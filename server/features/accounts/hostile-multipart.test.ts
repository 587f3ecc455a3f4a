import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAnswerIn } from '../../testing/answers';
import { createTestApp } from '../../testing/test-app';
import {
  addAccount,
  answerOf,
  fileOf,
  jsonOf,
  rawMultipart,
  registrationForm,
  SAMPLE_FILES,
  type TestAccount,
} from './testing';

// One app for the whole file: every hostile upload is refused with a stable 4xx (or, for the few
// that are valid, accepted), never crashes it, and never writes outside <dataDir>/documents/.
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestAccount;
beforeAll(async () => {
  // Hundreds of registrations from one address: the rate limit is not what this file tests.
  t = await createTestApp({ WEBTAGGER_REGISTRATIONS_PER_HOUR: '100000' });
  analyst = await addAccount(t);
});
afterAll(() => t.dispose());

type BodyInit = NonNullable<RequestInit['body']>;
const send = (path: string, init: RequestInit) => answerOf(t.app.request(path, init));
const multipart = (path: string, body: BodyInit, type: string, auth: Record<string, string> = {}) =>
  send(path, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
const textPart = (name: string, value: string) => ({
  headers: `Content-Disposition: form-data; name="${name}"`,
  body: value,
});
const filePart = (
  name: string,
  filename: string,
  body: string | Uint8Array,
  type = 'application/pdf',
) => ({
  headers: `Content-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}`,
  body,
});
const validTextParts = (email: string) =>
  Object.entries({
    fullName: 'Сериков Арман',
    email,
    password: 'a long enough password',
    organization: 'Министерство',
    position: 'Эксперт',
    policyVersion: '1',
    acceptPolicy: 'true',
  }).map(([name, value]) => textPart(name, value));
const MULTIPART = 'multipart/form-data; boundary=XyZ';

describe('hostile multipart', () => {
  const uploadRoutes = () =>
    [
      ['/api/auth/register', {}],
      ['/api/me/documents', analyst.auth],
    ] as const;

  it.each([
    ['no boundary', 'multipart/form-data', rawMultipart([textPart('email', 'a@b.kz')])],
    [
      'a truncated body',
      MULTIPART,
      rawMultipart([filePart('documents', 'a.pdf', SAMPLE_FILES.pdf)]).subarray(0, 80),
    ],
    [
      'a boundary that never closes',
      MULTIPART,
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nxx'),
    ],
    [
      'a wrong boundary',
      'multipart/form-data; boundary=Other',
      rawMultipart([textPart('email', 'a@b.kz')]),
    ],
    ['garbage', MULTIPART, Buffer.from([0, 1, 2, 3, 255, 254])],
  ])('refuses %s with validation_failed', async (_, type, body) => {
    for (const [path, auth] of uploadRoutes()) {
      const answer = await multipart(path, body, type, auth);
      expect([path, answer.status, answer.code]).toEqual([path, 400, 'validation_failed']);
    }
  });

  it('refuses a body that is not multipart with unsupported_media_type', async () => {
    for (const [path, auth] of uploadRoutes()) {
      const answer = await multipart(path, '{"email":"a@b.kz"}', 'application/json', auth);
      expect([path, answer.status, answer.code]).toEqual([path, 415, 'unsupported_media_type']);
    }
  });

  it('refuses a text field sent as a file, and files sent as text', async () => {
    const fieldAsFile = rawMultipart([
      ...validTextParts('a@gov.test').filter((p) => !p.headers.includes('"email"')),
      filePart('email', 'email.txt', 'a@gov.test', 'text/plain'),
      filePart('documents', 'a.pdf', SAMPLE_FILES.pdf),
    ]);
    const filesAsText = rawMultipart([
      ...validTextParts('b@gov.test'),
      textPart('documents', '%PDF-1.4 not a file'),
    ]);
    for (const body of [fieldAsFile, filesAsText]) {
      const answer = await multipart('/api/auth/register', body, MULTIPART);
      expect([answer.status, answer.code]).toEqual([400, 'validation_failed']);
    }
    const docAsText = rawMultipart([textPart('document', '%PDF-1.4')]);
    const answer = await multipart('/api/me/documents', docAsText, MULTIPART, analyst.auth);
    expect([answer.status, answer.code]).toEqual([400, 'validation_failed']);
  });

  it('refuses a field given twice and a file under an unexpected name', async () => {
    const twice = rawMultipart([
      ...validTextParts('c@gov.test'),
      textPart('email', 'd@gov.test'),
      filePart('documents', 'a.pdf', SAMPLE_FILES.pdf),
    ]);
    const stray = rawMultipart([
      ...validTextParts('e@gov.test'),
      filePart('documents', 'a.pdf', SAMPLE_FILES.pdf),
      filePart('avatar', 'a.png', SAMPLE_FILES.png),
    ]);
    for (const body of [twice, stray]) {
      const answer = await multipart('/api/auth/register', body, MULTIPART);
      expect([answer.status, answer.code]).toEqual([400, 'validation_failed']);
    }
  });

  it('refuses a body over the upload limit with payload_too_large, streamed or not', async () => {
    const overRegistration = new Uint8Array(52 * 1024 * 1024);
    const answer = await multipart('/api/auth/register', overRegistration, MULTIPART);
    expect([answer.status, answer.code]).toEqual([413, 'payload_too_large']);
    const overDocument = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const streamed = await send('/api/me/documents', {
      method: 'POST',
      headers: { ...analyst.auth, 'content-type': MULTIPART },
      body: overDocument,
      duplex: 'half',
    } as RequestInit);
    expect([streamed.status, streamed.code]).toEqual([413, 'payload_too_large']);
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\\\..\\\\x.pdf', 'x.pdf'],
    ['/tmp/evil.pdf', 'evil.pdf'],
    ['a%00b.pdf', 'a%00b.pdf'],
    ['....//....//webtagger.sqlite', 'webtagger.sqlite'],
  ])(
    'stores %j only as the name %j, in the documents folder under a generated name',
    async (name, shown) => {
      const body = rawMultipart([filePart('document', name, SAMPLE_FILES.pdf)]);
      const response = await t.app.request('/api/me/documents', {
        method: 'POST',
        headers: { ...analyst.auth, 'content-type': MULTIPART },
        body,
      });
      expect(response.status).toBe(201);
      const doc = await jsonOf(response);
      expect(doc.originalName).toBe(shown);
      expect(readdirSync(join(t.dataDir, 'documents'))).toContain(doc.id);
    },
  );

  it('refuses a NUL byte in a part header as malformed, and strips bidi overrides from a name', async () => {
    const upload = (name: string) => {
      const form = new FormData();
      form.append('document', fileOf(SAMPLE_FILES.pdf, name));
      return t.app.request('/api/me/documents', {
        method: 'POST',
        headers: analyst.auth,
        body: form,
      });
    };
    expect((await upload('x\u0000.pdf')).status).toBe(400);
    expect((await jsonOf(upload('x\u202e\u2066.pdf'))).originalName).toBe('x.pdf');
  });

  it('refuses random multipart bodies with validation_failed', async () => {
    const part = fc.oneof(
      fc.record({ headers: fc.string({ maxLength: 80 }), body: fc.string({ maxLength: 80 }) }),
      fc.record({
        headers: fc.constant('Content-Disposition: form-data; name="documents"; filename="a.pdf"'),
        body: fc.uint8Array({ maxLength: 64 }),
      }),
      fc.constantFrom(...validTextParts('fuzz@gov.test')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 10 }),
        fc.constantFrom(...uploadRoutes()),
        async (parts, [path, auth]) => {
          const answer = await multipart(path, rawMultipart(parts), MULTIPART, auth);
          expectAnswerIn(answer, ['400 validation_failed'], path);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('has written nothing outside the documents folder', () => {
    const parent = dirname(t.dataDir);
    for (const name of ['passwd', 'x.pdf', 'evil.pdf', 'webtagger.sqlite', 'a.pdf']) {
      expect(existsSync(join(parent, name)), name).toBe(false);
    }
    expect(readdirSync(t.dataDir).filter((f) => !f.startsWith('webtagger.sqlite'))).toEqual([
      'documents',
      'uploads',
    ]);
    // Uploads are written there while they arrive; none is left once answered.
    expect(readdirSync(join(t.dataDir, 'uploads'))).toEqual([]);
    for (const name of readdirSync(join(t.dataDir, 'documents'))) {
      expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});

describe('a valid registration among hostile ones', () => {
  it('still registers', async () => {
    const response = await t.app.request('/api/auth/register', {
      method: 'POST',
      body: registrationForm('1'),
    });
    expect(response.status).toBe(201);
  });
});
