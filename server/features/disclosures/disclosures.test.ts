import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report } from '../review/testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: TestUser;
let consenting: TestUser;
let unwilling: TestUser;
let materialId: string;

const REQUEST = {
  recipient: 'Департамент полиции г. Астаны',
  basis: 'Мотивированный запрос в рамках досудебного расследования',
  requestNumber: '3-15/2026',
  requestDate: '2026-11-20',
};

beforeEach(async () => {
  t = await createTestApp();
  admin = createUser(t, { role: 'admin' });
  consenting = createUser(t, { email: 'consents@gov.test' });
  unwilling = createUser(t, { email: 'unwilling@gov.test' });
  const consent = await t.app.request('/api/consent', {
    method: 'POST',
    headers: { ...consenting.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      policyVersion: '1',
      scopes: { processing: true, thirdPartyTransfer: true },
    }),
  });
  expect(consent.status).toBe(201);
  materialId = (await report(t, consenting)).materialId;
  const url = (await getJson(t, admin, `/api/materials/${materialId}`)).body.material.url;
  t.advance(1000); // reports are disclosed oldest first: the consenting reporter is reporter-1
  await report(t, unwilling, { url });
});
afterEach(() => t.dispose());

const disclose = async (body: Record<string, unknown>, caller: TestUser = admin) => {
  const response = await t.app.request('/api/admin/disclosures', {
    method: 'POST',
    headers: { ...caller.auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() } as {
    status: number;
    // biome-ignore lint/suspicious/noExplicitAny: answers are checked by assertions
    body: any;
  };
};
const identities = (body: { data: { reporters: { identity: { email: string } | null }[] } }) =>
  // Reporters come in no promised order: compare them sorted, the pseudonymized (null) last.
  body.data.reporters
    .map((r) => r.identity?.email ?? null)
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));

describe('POST /api/admin/disclosures', () => {
  it('gives a state body every reporter identity it asked for, and keeps the record', async () => {
    const { status, body } = await disclose({
      ...REQUEST,
      recipientType: 'state_body',
      scope: { materialIds: [materialId] },
      includeReporterIdentity: true,
    });
    expect(status).toBe(201);
    expect(identities(body)).toEqual(['consents@gov.test', 'unwilling@gov.test']);
    expect(body.data.reporters[0].identity).toEqual({
      fullName: 'Test User',
      email: 'consents@gov.test',
      organization: 'Test Agency',
      position: 'Analyst',
      phone: null,
    });
    expect(body.data.materials.map((m: { id: string }) => m.id)).toEqual([materialId]);
    expect(body.data.reports.map((r: { reporterRef: string }) => r.reporterRef)).toEqual([
      'reporter-1',
      'reporter-2',
    ]);
    expect(body.disclosure).toMatchObject({
      ...REQUEST,
      recipientType: 'state_body',
      includeReporterIdentity: true,
      createdBy: admin.id,
      createdAt: '2026-11-24T10:00:01.000Z',
      counts: { materials: 1, reports: 2, reporters: 2, identifiedReporters: 2 },
    });
    const hash = createHash('sha256').update(JSON.stringify(body.data)).digest('hex');
    expect(body.disclosure.dataSha256).toBe(hash);
  });

  it('gives a third party only the identity of reporters who consented to such transfer', async () => {
    const { body } = await disclose({
      ...REQUEST,
      recipientType: 'third_party',
      scope: { materialIds: [materialId] },
      includeReporterIdentity: true,
    });
    expect(identities(body)).toEqual(['consents@gov.test', null]);
    const text = JSON.stringify(body);
    expect(text).not.toContain('unwilling@gov.test');
    expect(text).not.toContain(unwilling.id);
    expect(body.disclosure.counts).toMatchObject({ reporters: 2, identifiedReporters: 1 });
  });

  it('treats a recipient of no stated type as a third party', async () => {
    const { body } = await disclose({
      ...REQUEST,
      scope: { materialIds: [materialId] },
      includeReporterIdentity: true,
    });
    expect(body.disclosure.recipientType).toBe('third_party');
    expect(identities(body)).toEqual(['consents@gov.test', null]);
  });

  it('identifies no one who withdrew consent or closed their account, and no one unasked', async () => {
    await t.app.request('/api/me', { method: 'DELETE', headers: consenting.auth });
    const thirdParty = await disclose({
      ...REQUEST,
      scope: { materialIds: [materialId] },
      includeReporterIdentity: true,
    });
    expect(identities(thirdParty.body)).toEqual([null, null]);
    const unasked = await disclose({
      ...REQUEST,
      recipientType: 'state_body',
      scope: { materialIds: [materialId] },
    });
    expect(identities(unasked.body)).toEqual([null, null]);
    expect(JSON.stringify(unasked.body)).not.toContain('@gov.test');
  });

  it("withholds from a third party a note carrying a represented person's data", async () => {
    const documentId = crypto.randomUUID();
    t.insert('documents', {
      id: documentId,
      userId: consenting.id,
      kind: 'representation',
      status: 'approved',
      mime: 'application/pdf',
      bytes: 10,
      sha256: 'a'.repeat(64),
      originalName: 'poa.pdf',
      createdAt: t.deps.now().toISOString(),
    });
    const note = 'Клиент: ivan.petrov@mail.ru';
    const represented = sampleReport({
      note,
      personalDataBasis: { kind: 'representation', documentId },
    });
    await pushAs(t, consenting, [upsertOf(represented)]);
    const scope = { userIds: [consenting.id] };
    const third = await disclose({ ...REQUEST, recipientType: 'third_party', scope });
    const withheld = third.body.data.reports.find((r: { id: string }) => r.id === represented.id);
    expect(withheld).toMatchObject({ note: '', noteWithheld: true });
    const state = await disclose({ ...REQUEST, recipientType: 'state_body', scope });
    const given = state.body.data.reports.find((r: { id: string }) => r.id === represented.id);
    expect(given).toMatchObject({ note, noteWithheld: false });
  });

  it('discloses the reports matching every criterion of the scope, days included', async () => {
    t.advance(2 * 86_400_000);
    const later = await report(t, unwilling);
    const byUserAndDay = await disclose({
      ...REQUEST,
      scope: { userIds: [unwilling.id], from: '2026-11-26', to: '2026-11-26' },
    });
    expect(byUserAndDay.body.data.reports.map((r: { id: string }) => r.id)).toEqual([
      later.report.id,
    ]);
    const firstDay = await disclose({ ...REQUEST, scope: { to: '2026-11-24' } });
    expect(firstDay.body.disclosure.counts.reports).toBe(2);
    const nothing = await disclose({
      ...REQUEST,
      scope: { materialIds: [materialId], from: '2026-11-25' },
    });
    expect(nothing.body.disclosure.counts).toMatchObject({ reports: 0, materials: 1 });
  });

  it('notes whose reports went, and audits the disclosure', async () => {
    const { body } = await disclose({
      ...REQUEST,
      recipientType: 'third_party',
      scope: { materialIds: [materialId] },
      includeReporterIdentity: true,
    });
    const subjects = await t.rows('disclosureSubjects');
    expect(subjects.map((s) => [s.userId, s.identified, s.reportCount]).sort()).toEqual(
      [
        [consenting.id, true, 1],
        [unwilling.id, false, 1],
      ].sort(),
    );
    const event = (await t.rows('auditEvents')).find((r) => r.action === 'disclosure.recorded');
    expect(event).toMatchObject({
      actorUserId: admin.id,
      subjectId: body.disclosure.id,
      details: { recipientType: 'third_party', reports: 2, reporters: 2, identifiedReporters: 1 },
    });
  });

  it('answers consent_required to an admin without consent, recording nothing, until they accept', async () => {
    const newcomer = createUser(t, { role: 'admin', consent: false });
    const request = { ...REQUEST, scope: { materialIds: [materialId] } };
    const auditBefore = await t.rows('auditEvents');
    const refused = await disclose(request, newcomer);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'consent_required',
      details: { policyVersion: '1' },
    });
    expect(refused.body).not.toHaveProperty('data');
    expect(await t.rows('disclosures')).toEqual([]);
    expect(await t.rows('disclosureSubjects')).toEqual([]);
    expect(await t.rows('auditEvents')).toEqual(auditBefore);

    const consent = await t.app.request('/api/consent', {
      method: 'POST',
      headers: { ...newcomer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        policyVersion: '1',
        scopes: { processing: true, thirdPartyTransfer: false },
      }),
    });
    expect(consent.status).toBe(201);
    const accepted = await disclose(request, newcomer);
    expect(accepted.status).toBe(201);
    expect(accepted.body.disclosure.createdBy).toBe(newcomer.id);
  });

  it('refuses a scope naming materials or users that do not exist, saying which', async () => {
    const ghost = crypto.randomUUID();
    const { status, body } = await disclose({ ...REQUEST, scope: { userIds: [ghost] } });
    expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    expect(body.error.details).toEqual({ unknownMaterialIds: [], unknownUserIds: [ghost] });
  });

  it('refuses a scope too wide to export', async () => {
    // 10 000 copies of a stored report beside the two: more than one export may hold.
    const [stored] = await t.rows('reports');
    for (let batch = 0; batch < 20; batch++) {
      t.insert(
        'reports',
        Array.from({ length: 500 }, () => ({ ...stored, id: crypto.randomUUID() })),
      );
    }
    const { status, body } = await disclose({ ...REQUEST, scope: { to: '2026-11-24' } });
    expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    expect(body.error.details).toEqual({ maxReports: 10_000 });
  });

  it.each([
    ['an empty scope', { ...REQUEST, scope: {} }],
    [
      'a request dated in the future',
      { ...REQUEST, requestDate: '2026-11-25', scope: { to: '2026-11-24' } },
    ],
    [
      'an impossible request date',
      { ...REQUEST, requestDate: '2026-02-30', scope: { to: '2026-11-24' } },
    ],
    [
      'an unknown recipient type',
      { ...REQUEST, recipientType: 'press', scope: { to: '2026-11-24' } },
    ],
    ['no basis', { ...REQUEST, basis: '', scope: { to: '2026-11-24' } }],
    ['a period backwards', { ...REQUEST, scope: { from: '2026-11-24', to: '2026-11-01' } }],
    ['ids that are no UUIDs', { ...REQUEST, scope: { materialIds: ['1 OR 1=1'] } }],
    ['too many ids', { ...REQUEST, scope: { userIds: Array(1001).fill(crypto.randomUUID()) } }],
    ['an unknown scope field', { ...REQUEST, scope: { everything: true } }],
    [
      'identity asked as a string',
      { ...REQUEST, scope: { to: '2026-11-24' }, includeReporterIdentity: 'yes' },
    ],
  ])('refuses %s with validation_failed', async (_name, body) => {
    const answer = await disclose(body);
    expect([answer.status, answer.body.error.code]).toEqual([400, 'validation_failed']);
  });
});

describe('GET /api/admin/disclosures', () => {
  it('lists the records newest first, page by page, and audits the reading', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        (await disclose({ ...REQUEST, scope: { materialIds: [materialId] } })).body.disclosure.id,
      );
      t.advance(1000);
    }
    const first = await getJson(t, admin, '/api/admin/disclosures?limit=2');
    expect(first.body.disclosures.map((d: { id: string }) => d.id)).toEqual([made[2], made[1]]);
    expect(first.body.hasMore).toBe(true);
    const second = await getJson(
      t,
      admin,
      `/api/admin/disclosures?limit=2&cursor=${first.body.cursor}`,
    );
    expect(second.body).toMatchObject({ hasMore: false });
    expect(second.body.disclosures.map((d: { id: string }) => d.id)).toEqual([made[0]]);
    expect(second.body.disclosures[0]).not.toHaveProperty('data');
    const views = (await t.rows('auditEvents')).filter(
      (r) => r.action === 'disclosure.records_viewed',
    );
    expect(views.map((v) => v.details)).toEqual([{ records: 2 }, { records: 1 }]);
  });

  it('refuses a garbled cursor with validation_failed', async () => {
    const { status, body } = await getJson(t, admin, '/api/admin/disclosures?cursor=%%%');
    expect([status, body.error.code]).toEqual([400, 'validation_failed']);
  });
});
