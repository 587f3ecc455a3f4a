import { createHash, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountStatus, Role } from '#shared/schemas/account';
import type { createTestAppOnPostgres } from '../../testing/pg-test-app';
import type { createTestApp } from '../../testing/test-app';
import { insertAccount } from '../../testing/users';
import { hashPassword } from '../auth/passwords';
import type { SpooledFile } from './multipart-form';

type TestApp =
  | Awaited<ReturnType<typeof createTestApp>>
  | Awaited<ReturnType<typeof createTestAppOnPostgres>>;

/** The password of every account `addAccount` creates. */
export const TEST_PASSWORD = 'correct horse battery';

// Full-cost scrypt takes ~100 ms; test accounts share one cheap hash (the cost is stored in the
// hash, so sign-in verifies it at that cost). Registration still hashes at full cost.
let sharedHash: Promise<string> | undefined;
const testPasswordHash = () => {
  sharedHash ??= hashPassword(TEST_PASSWORD, { N: 1 << 10, r: 8, p: 1 });
  return sharedHash;
};

export type TestAccount = {
  id: string;
  email: string;
  token: string;
  auth: { authorization: string };
};

/**
 * Inserts an account straight into the database (password TEST_PASSWORD) with a live token,
 * whatever its status, and by default with consent to the current policy.
 */
export async function addAccount(
  t: TestApp,
  options: { role?: Role; status?: AccountStatus; consent?: boolean; email?: string } = {},
): Promise<TestAccount> {
  const at = t.deps.now().toISOString();
  const id = randomUUID();
  const email = options.email ?? `${options.role ?? 'analyst'}-${id.slice(0, 8)}@gov.test`;
  const row = {
    id,
    email,
    fullName: 'Тестов Тест Тестович',
    organization: 'Test Agency',
    position: 'Analyst',
    passwordHash: await testPasswordHash(),
    role: options.role ?? 'analyst',
    status: options.status ?? 'active',
    createdAt: at,
    updatedAt: at,
  };
  const token = await insertAccount(t, row, options.consent === false ? false : 'site');
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}

/** The Env that makes `app.request` look as if it came on a connection from this address. */
export function fromAddress(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress, remotePort: 50000, remoteFamily: 'IPv4' } } };
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

/** Small files with the real signatures of each accepted type. */
export const SAMPLE_FILES = {
  pdf: bytes(
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
  jpeg: bytes(
    [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10],
    'JFIF',
    [0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9],
  ),
} as const;

/** A File for a form part. */
export function fileOf(data: Uint8Array | string, name = 'scan.pdf', type = 'application/pdf') {
  return new File([typeof data === 'string' ? Buffer.from(data) : new Uint8Array(data)], name, {
    type,
  });
}

/** A valid registration form; `fields` override or (with undefined) remove fields. */
export function registrationForm(
  policyVersion: string,
  fields: Record<string, string | undefined> = {},
  files: File[] = [fileOf(SAMPLE_FILES.pdf)],
): FormData {
  const values: Record<string, string | undefined> = {
    fullName: 'Сериков Арман Болатович',
    email: `new-${randomUUID().slice(0, 8)}@gov.test`,
    password: 'a long enough password',
    organization: 'Министерство информации',
    position: 'Главный эксперт',
    phone: '+7 701 000 00 00',
    policyVersion,
    acceptPolicy: 'true',
    ...fields,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries(values))
    if (value !== undefined) form.append(name, value);
  for (const file of files) form.append('documents', file);
  return form;
}

/** The JSON body of a response, untyped: tests assert on its shape. */
export async function jsonOf(response: Response | Promise<Response>) {
  return JSON.parse(await (await response).text());
}

/** A status and error code, whatever the body was. */
export type Answer = { status: number; code?: string };

/** Sends a request and keeps only its status and error code. */
export async function answerOf(response: Response | Promise<Response>): Promise<Answer> {
  const settled = await response;
  const text = await settled.text();
  try {
    return { status: settled.status, code: JSON.parse(text).error?.code };
  } catch {
    return { status: settled.status };
  }
}

/** A raw multipart body, for the shapes FormData will not produce. */
/** The text fields of a registration as raw multipart parts (for `rawMultipart`). */
export function registrationParts(email: string, policyVersion: string) {
  return Object.entries({
    fullName: 'Сериков Арман',
    email,
    password: 'a long enough password',
    organization: 'Министерство',
    position: 'Эксперт',
    policyVersion,
    acceptPolicy: 'true',
  }).map(([name, value]) => ({
    headers: `Content-Disposition: form-data; name="${name}"`,
    body: value,
  }));
}

export function rawMultipart(
  parts: { headers: string; body: string | Uint8Array }[],
  boundary = 'XyZ',
) {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`, 'latin1'));
    chunks.push(Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A file as the multipart reader leaves it: written under the data folder's spool folder. */
export async function spooledFile(
  dataDir: string,
  data: Uint8Array,
  name = 'scan.pdf',
): Promise<SpooledFile> {
  const dir = join(dataDir, 'uploads');
  await mkdir(dir, { recursive: true });
  const path = join(dir, randomUUID());
  await writeFile(path, data);
  return {
    path,
    name,
    bytes: data.byteLength,
    sha256: createHash('sha256').update(data).digest('hex'),
    head: data.subarray(0, 1024),
  };
}
