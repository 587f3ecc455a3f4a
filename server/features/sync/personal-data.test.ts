import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentKind, DocumentStatus } from '#shared/schemas/documents';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

const EMAIL = 'ivan.petrov@mail.ru';
const NOTE = `Владелец сайта: ${EMAIL}, пишет от имени клиники.`;

/** A document row of the user, as if uploaded and decided by an admin. */
function addDocument(
  userId: string,
  status: DocumentStatus,
  kind: DocumentKind = 'representation',
) {
  const id = randomUUID();
  t.insert('documents', {
    id,
    userId,
    kind,
    status,
    mime: 'application/pdf',
    bytes: 100,
    sha256: 'a'.repeat(64),
    originalName: 'доверенность.pdf',
    createdAt: t.deps.now().toISOString(),
  });
  return id;
}

async function auditOf(action: string) {
  return (await t.rows('auditEvents')).filter((r) => r.action === action);
}

describe('third-party personal data on push', () => {
  it('rejects a note with personal data, answering where it is and never what it is', async () => {
    const report = sampleReport({ note: NOTE });
    const mutation = upsertOf(report);
    const { status, body } = await pushAs(t, analyst, [mutation, upsertOf(sampleReport())]);
    expect(status).toBe(200);
    const start = NOTE.indexOf(EMAIL);
    expect(body.results[0]).toEqual({
      id: mutation.id,
      status: 'rejected',
      code: 'third_party_personal_data',
      message: expect.any(String),
      findings: [{ field: 'note', kind: 'email', start, end: start + EMAIL.length }],
    });
    expect(body.results[1].status).toBe('applied');
    expect(JSON.stringify(body)).not.toContain(EMAIL);
    const [event] = await auditOf('report.personal_data_rejected');
    expect(event).toMatchObject({ actorUserId: analyst.id, subjectId: report.id });
    expect(JSON.stringify(event)).not.toContain(EMAIL);
  });

  it('checks the locality the analyst typed, naming that field', async () => {
    const geography = { indicated: true as const, country: 'KZ', locality: EMAIL };
    const { body } = await pushAs(t, analyst, [upsertOf(sampleReport({ geography }))]);
    expect(body.results[0].findings).toEqual([
      { field: 'geography.locality', kind: 'email', start: 0, end: EMAIL.length },
    ]);
  });

  it('does not check what was captured from the material itself', async () => {
    const report = sampleReport({
      title: `Контакты: ${EMAIL}`,
      url: `https://example.kz/contact?email=${EMAIL}`,
    });
    const { body } = await pushAs(t, analyst, [upsertOf(report)]);
    expect(body.results[0].status).toBe('applied');
  });

  it('accepts it under an approved representation document of the same user, and records the basis', async () => {
    const documentId = addDocument(analyst.id, 'approved');
    const report = sampleReport({
      note: NOTE,
      personalDataBasis: { kind: 'representation', documentId },
    });
    const { body } = await pushAs(t, analyst, [upsertOf(report)]);
    expect(body.results[0]).toMatchObject({
      status: 'applied',
      report: { personalDataKinds: ['email'], personalDataBasis: { documentId } },
    });
    const row = (await t.rows('reports')).find((r) => r.id === report.id);
    expect(row?.personalDataKinds).toEqual(['email']);
    const [event] = await auditOf('report.personal_data_by_representation');
    expect(event).toMatchObject({
      actorUserId: analyst.id,
      subjectType: 'report',
      subjectId: report.id,
      details: { documentId, kinds: ['email'] },
    });
  });

  it.each([
    ['a pending document', () => addDocument(analyst.id, 'pending')],
    ['a rejected document', () => addDocument(analyst.id, 'rejected')],
    ["someone else's approved document", () => addDocument(createUser(t).id, 'approved')],
    [
      'an approved authorization document',
      () => addDocument(analyst.id, 'approved', 'authorization'),
    ],
    ['a document that does not exist', () => randomUUID()],
  ])('rejects it under %s', async (_, document) => {
    const report = sampleReport({
      note: NOTE,
      personalDataBasis: { kind: 'representation', documentId: document() },
    });
    const { body } = await pushAs(t, analyst, [upsertOf(report)]);
    expect(body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'third_party_personal_data',
      findings: [{ kind: 'email' }],
    });
    expect(await auditOf('report.personal_data_by_representation')).toEqual([]);
  });

  it('stores no personal data kinds when a basis is given but nothing is found', async () => {
    const documentId = addDocument(analyst.id, 'approved');
    const report = sampleReport({ personalDataBasis: { kind: 'representation', documentId } });
    const { body } = await pushAs(t, analyst, [upsertOf(report)]);
    expect(body.results[0].status).toBe('applied');
    expect(body.results[0].report.personalDataKinds).toBeUndefined();
    expect(await auditOf('report.personal_data_by_representation')).toEqual([]);
  });

  it("answers forbidden before looking at the text of another user's report", async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report)]);
    const { body } = await pushAs(t, createUser(t), [upsertOf({ ...report, note: NOTE })]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(body.results[0].findings).toBeUndefined();
  });
});
