import { expect } from 'vitest';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import type { TestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { fileOf, fromAddress, jsonOf, registrationForm, SAMPLE_FILES } from '../accounts/testing';
import { runRetention } from './retention-service';

export const DAY = 86_400_000;
export const RETENTION_DAYS = 30;

/** Everything personal the erased user left, as they typed it or as the server saw them. */
export const PERSON = {
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
export async function erasureRequest(t: TestApp) {
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
  const documentIds = (await t.rows('documents'))
    .filter((d) => d.userId === userId)
    .map((d) => d.id);
  expect(documentIds).toHaveLength(2);
  return { userId, documentIds, reportIds: [plain.id, represented.id] };
}

/** Runs retention now, with the suites' period. */
export const destroy = (t: TestApp) =>
  runRetention(t.storage, { now: t.deps.now(), retentionDays: RETENTION_DAYS });
