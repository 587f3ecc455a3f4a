import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { verifyPassword } from '../auth/passwords';
import { addAccount, fileOf, fromAddress, jsonOf, registrationForm, SAMPLE_FILES } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const register = (form: FormData, headers: Record<string, string> = {}) =>
  t.app.request(
    '/api/auth/register',
    { method: 'POST', body: form, headers },
    fromAddress('10.1.2.3'),
  );
const errorOf = async (response: Response) => [
  response.status,
  (await jsonOf(response)).error.code,
];
const storedFiles = () => {
  const dir = join(t.dataDir, 'documents');
  return existsSync(dir) ? readdirSync(dir) : [];
};
const countRows = async () => ({
  users: (await t.rows('users')).length,
  documents: (await t.rows('documents')).length,
  consents: (await t.rows('consents')).length,
});

describe('registration', () => {
  it('creates a pending account with its documents, password hash and consent', async () => {
    const form = registrationForm(
      '1',
      { email: ' New.Analyst@Gov.TEST ', thirdPartyTransfer: 'true' },
      [
        fileOf(SAMPLE_FILES.pdf, '../../etc/order.pdf'),
        fileOf(SAMPLE_FILES.png, 'id.png', 'image/png'),
        fileOf(SAMPLE_FILES.jpeg, 'photo\u202e.jpg', 'image/jpeg'),
      ],
    );
    const response = await register(form, { 'user-agent': 'Firefox/140' });
    expect(response.status).toBe(201);
    const body = await jsonOf(response);
    expect(body).toEqual({ userId: expect.any(String), status: 'pending' });

    const user = (await t.rows('users')).find((r) => r.id === body.userId)!;
    expect(user).toMatchObject({
      email: 'new.analyst@gov.test',
      status: 'pending',
      role: 'analyst',
    });
    expect(await verifyPassword('a long enough password', user.passwordHash)).toBe(true);

    const docs = (await t.rows('documents')).filter((r) => r.userId === user.id);
    expect(docs.map((d) => [d.kind, d.status, d.mime, d.originalName]).sort()).toEqual([
      ['authorization', 'pending', 'application/pdf', 'order.pdf'],
      ['authorization', 'pending', 'image/jpeg', 'photo.jpg'],
      ['authorization', 'pending', 'image/png', 'id.png'],
    ]);
    for (const doc of docs) {
      const stored = readFileSync(join(t.dataDir, 'documents', doc.id));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(doc.sha256);
      expect(stored.byteLength).toBe(doc.bytes);
    }
    // The names given are metadata only: the files are named by their generated ids.
    expect(storedFiles().sort()).toEqual(docs.map((d) => d.id).sort());

    const consent = (await t.rows('consents')).find((r) => r.userId === user.id);
    expect(consent).toMatchObject({
      action: 'given',
      policyVersion: '1',
      processing: true,
      thirdPartyTransfer: true,
      method: 'registration',
      ip: '10.1.2.3',
      userAgent: 'Firefox/140',
    });
  });

  it('takes the client address from the connection, never from a header', async () => {
    const response = await t.app.request(
      '/api/auth/register',
      { method: 'POST', body: registrationForm('1'), headers: { 'x-forwarded-for': '6.6.6.6' } },
      fromAddress('192.0.2.7'),
    );
    const { userId } = await jsonOf(response);
    const consent = (await t.rows('consents')).find((r) => r.userId === userId);
    expect(consent).toMatchObject({ ip: '192.0.2.7', thirdPartyTransfer: false });
  });

  it("audits registration and consent without personal values; no connection means address 'unknown'", async () => {
    const form = registrationForm('1', { email: 'audited@gov.test' });
    const response = await t.app.request('/api/auth/register', { method: 'POST', body: form });
    const { userId } = await jsonOf(response);
    const events = await t.rows('auditEvents');
    expect(events.map((e) => e.action).sort()).toEqual(['account.registered', 'consent.given']);
    expect(events.every((e) => e.subjectId === userId && e.ip === 'unknown')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/audited@gov\.test|Сериков|password/);
    const consent = (await t.rows('consents')).find((r) => r.userId === userId);
    expect(consent?.ip).toBe('unknown');
  });

  it('answers conflict with the current version when the accepted policy is not current', async () => {
    const response = await register(registrationForm('0.9'));
    expect(response.status).toBe(409);
    expect((await jsonOf(response)).error).toMatchObject({
      code: 'conflict',
      details: { policyVersion: '1' },
    });
    expect((await countRows()).users).toBe(0);
  });

  it.each([
    ['no acceptance', { acceptPolicy: undefined }],
    ['acceptance other than "true"', { acceptPolicy: 'yes' }],
    ['a short password', { password: 'short' }],
    ['an invalid e-mail', { email: 'not-an-email' }],
    ['no full name', { fullName: undefined }],
    ['a 201-character full name', { fullName: 'А'.repeat(201) }],
    ['no organization', { organization: undefined }],
    ['no policy version', { policyVersion: undefined }],
  ])('refuses %s with validation_failed', async (_, fields) => {
    expect(await errorOf(await register(registrationForm('1', fields)))).toEqual([
      400,
      'validation_failed',
    ]);
    expect(await countRows()).toEqual({ users: 0, documents: 0, consents: 0 });
    expect(storedFiles()).toEqual([]);
  });

  it('refuses a registration without documents or with more than five', async () => {
    const none = registrationForm('1', {}, []);
    expect(await errorOf(await register(none))).toEqual([400, 'validation_failed']);
    const six = registrationForm(
      '1',
      {},
      Array.from({ length: 6 }, () => fileOf(SAMPLE_FILES.pdf)),
    );
    expect(await errorOf(await register(six))).toEqual([400, 'validation_failed']);
    expect((await countRows()).users).toBe(0);
  });

  it('accepts five documents, the most allowed, up to 10 MiB each, each typed by its content', async () => {
    // A PNG named .pdf and labelled PDF is a PNG.
    const files = Array.from({ length: 4 }, () =>
      fileOf(SAMPLE_FILES.png, 'scan.pdf', 'application/pdf'),
    );
    const tenMiB = Buffer.concat([
      SAMPLE_FILES.pdf,
      Buffer.alloc(10 * 1024 * 1024 - SAMPLE_FILES.pdf.length),
    ]);
    files.push(fileOf(tenMiB, 'big.pdf'));
    const { userId } = await jsonOf(register(registrationForm('1', {}, files)));
    const docs = (await t.rows('documents')).filter((r) => r.userId === userId);
    expect(docs.map((d) => d.mime).sort()).toEqual([
      'application/pdf',
      ...Array(4).fill('image/png'),
    ]);
    expect(docs.map((d) => d.bytes)).toContain(10 * 1024 * 1024);
    expect(storedFiles()).toHaveLength(5);
  });

  it('refuses a document over 10 MiB with payload_too_large and keeps nothing', async () => {
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const form = registrationForm('1', {}, [fileOf(SAMPLE_FILES.pdf), fileOf(big, 'big.pdf')]);
    expect(await errorOf(await register(form))).toEqual([413, 'payload_too_large']);
    expect((await countRows()).users).toBe(0);
    expect(storedFiles()).toEqual([]);
  });

  it.each([
    [
      'an HTML page named .pdf',
      '<html><script>alert(1)</script></html>',
      'x.pdf',
      'application/pdf',
    ],
    ['a script declared as image/png', '<script>alert(1)</script>', 'x.png', 'image/png'],
    [
      'an SVG image',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'x.svg',
      'image/svg+xml',
    ],
    ['a Windows executable', 'MZ\x90\x00\x03\x00\x00\x00\x04\x00PE', 'x.pdf', 'application/pdf'],
    [
      'a PDF signature followed by an HTML page',
      '%PDF-1.4\n<html><body><script>alert(1)</script>',
      'x.pdf',
      'application/pdf',
    ],
    ['a PNG signature without a header chunk', '\x89PNG\r\n\x1a\n<html>', 'x.png', 'image/png'],
    ['an empty file', '', 'x.pdf', 'application/pdf'],
  ])('refuses %s with unsupported_media_type and keeps nothing', async (_, content, name, type) => {
    const form = registrationForm('1', {}, [
      fileOf(SAMPLE_FILES.pdf),
      fileOf(Buffer.from(content, 'latin1'), name, type),
    ]);
    expect(await errorOf(await register(form))).toEqual([415, 'unsupported_media_type']);
    expect(await countRows()).toEqual({ users: 0, documents: 0, consents: 0 });
    expect(storedFiles()).toEqual([]);
  });

  it('answers email_taken for an address in use, whatever its case', async () => {
    await addAccount(t, { email: 'taken@gov.test' });
    const response = await register(registrationForm('1', { email: 'TAKEN@gov.test' }));
    expect(await errorOf(response)).toEqual([409, 'email_taken']);
    expect((await countRows()).users).toBe(1);
    expect(storedFiles()).toEqual([]);
  });

  it('registers only one of two simultaneous registrations with the same e-mail', async () => {
    const answers = await Promise.all(
      [1, 2].map(() => register(registrationForm('1', { email: 'race@gov.test' }))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await countRows()).users).toBe(1);
    expect(storedFiles()).toHaveLength(1);
  });

  it('leaves no row and no file when the database fails half-way through', async () => {
    // The user and document rows are written by then; the consent insert fails.
    await t.failInsertsInto('consents');
    const files = [fileOf(SAMPLE_FILES.pdf), fileOf(SAMPLE_FILES.png, 'b.png')];
    const response = await register(registrationForm('1', {}, files));
    expect(response.status).toBe(500);
    expect(await countRows()).toEqual({ users: 0, documents: 0, consents: 0 });
    expect(storedFiles()).toEqual([]);
  });
});
