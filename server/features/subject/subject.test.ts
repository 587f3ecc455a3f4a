import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { fromAddress } from '../accounts/testing';
import { getJson, report } from '../review/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
const DAY = 86_400_000;

beforeEach(async () => {
  t = await createTestApp({ WEBTAGGER_RETENTION_DAYS: '30' });
  analyst = createUser(t);
});
afterEach(() => t.dispose());

const closeAccount = (user: TestUser) =>
  t.app.request(
    '/api/me',
    { method: 'DELETE', headers: { ...user.auth, 'user-agent': 'Firefox/140' } },
    fromAddress('198.51.100.23'),
  );

describe('GET /api/me/data', () => {
  it("gives the caller everything held about them, and nothing of anyone else's", async () => {
    const kept = await report(t, analyst, { note: 'Реклама казино' });
    t.advance(1000);
    const gone = await report(t, analyst);
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    const other = createUser(t);
    await report(t, other, { url: kept.report.url, note: 'Чужая заметка' });

    const { status, body } = await getJson(t, analyst, '/api/me/data');
    expect(status).toBe(200);
    expect(body.profile).toMatchObject({
      id: analyst.id,
      email: analyst.email,
      fullName: 'Test User',
      organization: 'Test Agency',
      status: 'active',
      closedAt: null,
    });
    expect(body.consents).toEqual([
      expect.objectContaining({ action: 'given', policyVersion: '1', method: 'test' }),
    ]);
    expect(body.sessions).toEqual([
      expect.objectContaining({ deviceName: 'test', revokedAt: null }),
    ]);
    expect(
      body.reports.map((r: { id: string; deletedAt: string | null }) => [r.id, !!r.deletedAt]),
    ).toEqual([
      [kept.report.id, false],
      [gone.report.id, true],
    ]);
    expect(body.reports[0].note).toBe('Реклама казино');
    const text = JSON.stringify(body);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain('Чужая заметка');
  });

  it('includes the audit events about the caller, and records the export itself', async () => {
    await getJson(t, analyst, '/api/me/data');
    const { body } = await getJson(t, analyst, '/api/me/data');
    expect(body.auditEvents.map((e: { action: string }) => e.action)).toEqual([
      'subject.data_exported',
    ]);
    expect(body.auditEvents[0]).toMatchObject({ actorUserId: analyst.id, subjectId: analyst.id });
  });

  it('lists the disclosures that included their reports', async () => {
    const { materialId } = await report(t, analyst);
    const admin = createUser(t, { role: 'admin' });
    const disclosed = await t.app.request('/api/admin/disclosures', {
      method: 'POST',
      headers: { ...admin.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        recipient: 'Прокуратура г. Алматы',
        recipientType: 'state_body',
        basis: 'Запрос по уголовному делу № 123',
        requestNumber: '12-34/567',
        requestDate: '2026-11-20',
        scope: { materialIds: [materialId] },
        includeReporterIdentity: true,
      }),
    });
    expect(disclosed.status).toBe(201);
    const { body } = await getJson(t, analyst, '/api/me/data');
    expect(body.disclosures).toEqual([
      expect.objectContaining({
        recipient: 'Прокуратура г. Алматы',
        recipientType: 'state_body',
        requestNumber: '12-34/567',
        identified: true,
        reports: 1,
      }),
    ]);
  });
});

describe('DELETE /api/me', () => {
  it('closes the account, revokes every token and says when the data will be destroyed', async () => {
    const second = createUser(t, { email: 'second-device@webtagger.test' });
    const response = await closeAccount(analyst);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: analyst.id,
      status: 'closed',
      closedAt: '2026-11-24T10:00:00.000Z',
      personalDataDestroyedAfter: new Date(
        Date.parse('2026-11-24T10:00:00.000Z') + 30 * DAY,
      ).toISOString(),
    });
    const user = (await t.rows('users')).find((r) => r.id === analyst.id);
    expect(user).toMatchObject({ status: 'closed', closedAt: '2026-11-24T10:00:00.000Z' });
    for (const path of ['/api/me', '/api/me/data', '/api/sync/pull']) {
      expect((await t.app.request(path, { headers: analyst.auth })).status).toBe(401);
    }
    // Someone else's session is untouched.
    expect((await t.app.request('/api/me', { headers: second.auth })).status).toBe(200);
  });

  it('withdraws consent in a new record, notes the request and audits it', async () => {
    await closeAccount(analyst);
    const records = (await t.rows('consents')).filter((r) => r.userId === analyst.id);
    expect(records.map((r) => [r.action, r.method, r.ip, r.userAgent])).toEqual([
      ['given', 'test', null, null],
      ['withdrawn', 'account_closure', '198.51.100.23', 'Firefox/140'],
    ]);
    expect(await t.rows('erasures')).toEqual([
      { userId: analyst.id, requestedAt: '2026-11-24T10:00:00.000Z', destroyedAt: null },
    ]);
    const event = (await t.rows('auditEvents')).find((r) => r.action === 'account.closed');
    expect(event).toMatchObject({
      actorUserId: analyst.id,
      subjectId: analyst.id,
      ip: '198.51.100.23',
    });
  });

  it('keeps the reports, whose status still shows to reviewers', async () => {
    const { materialId } = await report(t, analyst);
    await closeAccount(analyst);
    const reviewer = createUser(t, { role: 'reviewer' });
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(body.material.reportCount).toBe(1);
  });

  it('lets the last admin leave only once another admin exists', async () => {
    const admin = createUser(t, { role: 'admin' });
    const refused = await closeAccount(admin);
    const answer = (await refused.json()) as { error: { code: string } };
    expect([refused.status, answer.error.code]).toEqual([409, 'conflict']);
    createUser(t, { role: 'admin' });
    expect((await closeAccount(admin)).status).toBe(200);
  });
});
