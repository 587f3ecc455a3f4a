import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, pushReports, signIn, signInAdmin } from './accounts';
import { disclosureAnswer, materialDetailAnswer, subjectDataAnswer } from './answers';
import { type Api, expectAnswer, expectError, startServer } from './client';
import { newReport, PDF } from './fixtures';
import { materialOf } from './review';

// api.md, Data subject: what is held about the caller, and erasure.

let api: Api;
let adminToken: string;
let subject: Account;
let bystander: Account;
let reviewer: Account;
const reports = [newReport(), newReport({ topics: ['fraud'] })];
const bystanderReport = newReport();

beforeAll(async () => {
  api = await startServer();
  adminToken = await signInAdmin(api);
  [subject, bystander, reviewer] = await Promise.all([
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'reviewer'),
  ]);
  await pushReports(api, subject.token, reports);
  await pushReports(api, bystander.token, [bystanderReport]);
  const disclosure = await api.request('POST', '/api/admin/disclosures', {
    token: adminToken,
    json: {
      recipient: 'Департамент полиции г. Астана',
      basis: 'Мотивированный запрос по уголовному делу',
      requestNumber: '77-01/2026',
      requestDate: '2026-02-01',
      scope: { userIds: [subject.id] },
    },
  });
  expectAnswer(disclosure, 201, disclosureAnswer);
});
afterAll(() => api?.stop());

const dataOf = async (token: string) =>
  expectAnswer(await api.request('GET', '/api/me/data', { token }), 200, subjectDataAnswer);

describe('GET /api/me/data', () => {
  it("gives the caller's profile, consents, documents' metadata, reports and disclosures", async () => {
    const data = await dataOf(subject.token);
    expect(data.profile).toMatchObject({
      id: subject.id,
      email: subject.email,
      fullName: subject.fullName,
    });
    const policy = (await api.request('GET', '/api/policy/current')).body as { version: string };
    expect(data.consents.map((c) => c.policyVersion)).toContain(policy.version);
    expect(data.documents.map((d) => [d.mime, d.bytes])).toEqual([
      ['application/pdf', PDF.byteLength],
    ]);
    expect(data.reports.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    expect(data.disclosures.map((d) => d.recipient)).toEqual(['Департамент полиции г. Астана']);
  });

  it('holds nothing of other users', async () => {
    const data = await dataOf(bystander.token);
    expect(data.profile.id).toBe(bystander.id);
    expect(data.reports.map((r) => r.id)).toEqual([bystanderReport.id]);
    expect(data.disclosures).toEqual([]);
    expect(JSON.stringify(data)).not.toContain(subject.email);
  });

  it('answers 401 unauthorized without a token', async () => {
    expectError(await api.request('GET', '/api/me/data'), 401, 'unauthorized');
  });
});

describe('DELETE /api/me', () => {
  it('closes the account with 200 and every token of it stops working', async () => {
    const second = await signIn(api, subject.email, subject.password);
    expect((await api.request('DELETE', '/api/me', { token: subject.token })).status).toBe(200);
    for (const token of [subject.token, second]) {
      expectError(await api.request('GET', '/api/me', { token }), 401, 'unauthorized');
    }
  });

  it('lets no one sign in to the closed account', async () => {
    const login = await api.request('POST', '/api/auth/login', {
      json: { email: subject.email, password: subject.password },
    });
    // api.md names no code for a closed account: unknown credentials (401) or blocked (403).
    const unknown = login.status === 401;
    expectError(login, unknown ? 401 : 403, unknown ? 'invalid_credentials' : 'account_blocked');
  });

  it("keeps the reports for reviewers, without the person's identity", async () => {
    for (const report of reports) {
      const { id } = await materialOf(api, reviewer.token, report.url);
      const answer = await api.request('GET', `/api/materials/${id}`, { token: reviewer.token });
      const detail = expectAnswer(answer, 200, materialDetailAnswer);
      expect(detail.reports.map((r) => r.id)).toEqual([report.id]);
      const text = JSON.stringify(detail);
      for (const identity of [subject.email, subject.fullName, subject.organization]) {
        expect(text).not.toContain(identity);
      }
    }
  });

  it('answers 401 unauthorized without a token', async () => {
    expectError(await api.request('DELETE', '/api/me'), 401, 'unauthorized');
  });
});
