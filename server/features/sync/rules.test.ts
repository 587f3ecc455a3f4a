import { describe, expect, it } from 'vitest';
import { deleteOf, sampleReport, upsertOf } from '../../testing/reports';
import { checkMutation, type HeldReport, judgeMutation, type RuleContext } from './rules';

const ME = 'a0000000-0000-4000-8000-000000000001';
const OTHER = 'a0000000-0000-4000-8000-000000000002';
const APPROVED_DOC = 'd0000000-0000-4000-8000-000000000001';
const WITH_EMAIL = 'Связаться: ivan.petrov@mail.ru';

function context(held: Record<string, Partial<HeldReport>> = {}): RuleContext {
  return {
    userId: ME,
    heldReport: (id) =>
      held[id] && {
        userId: ME,
        materialId: 'm',
        status: 'submitted',
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        deleted: false,
        ...held[id],
      },
    isApprovedRepresentation: (documentId) => documentId === APPROVED_DOC,
  };
}

const judge = (mutation: unknown, ctx = context()) => judgeMutation(checkMutation(mutation), ctx);

describe('the push rules', () => {
  it('accept a valid new report with the key computed from its URL', () => {
    const verdict = judge(upsertOf(sampleReport({ url: 'http://www.example.kz/a/' })));
    expect(verdict).toMatchObject({
      kind: 'upsert',
      urlKey: 'https://example.kz/a',
      held: undefined,
    });
  });

  it('check the schema first, whatever else is wrong', () => {
    const report = { ...sampleReport({ note: WITH_EMAIL }), topics: [] };
    const verdict = judge(upsertOf(report), context({ [report.id]: { userId: OTHER } }));
    expect(verdict).toMatchObject({ kind: 'rejected', code: 'validation_failed' });
  });

  it('check ownership before the review lock and personal data', () => {
    const report = sampleReport({ note: WITH_EMAIL });
    const ctx = context({ [report.id]: { userId: OTHER, status: 'blocked' } });
    expect(judge(upsertOf(report), ctx)).toMatchObject({ code: 'forbidden' });
    expect(judge(deleteOf(report.id), ctx)).toMatchObject({ code: 'forbidden' });
  });

  it('check the review lock before personal data', () => {
    const report = sampleReport({ note: WITH_EMAIL });
    const ctx = context({ [report.id]: { status: 'under_review' } });
    expect(judge(upsertOf(report), ctx)).toMatchObject({ code: 'conflict' });
  });

  it('let a deleted report be deleted again, as a no-op, but not brought back', () => {
    const report = sampleReport();
    const ctx = context({ [report.id]: { deleted: true } });
    expect(judge(deleteOf(report.id), ctx)).toEqual({
      kind: 'delete',
      reportId: report.id,
      held: undefined,
    });
    expect(judge(upsertOf(report), ctx)).toMatchObject({ code: 'conflict' });
  });

  it('accept personal data only under an approved representation, keeping the kinds', () => {
    const plain = sampleReport({ note: WITH_EMAIL });
    expect(judge(upsertOf(plain))).toMatchObject({ code: 'third_party_personal_data' });
    const basis = { kind: 'representation' as const, documentId: APPROVED_DOC };
    expect(judge(upsertOf({ ...plain, personalDataBasis: basis }))).toMatchObject({
      kind: 'upsert',
      personalDataKinds: ['email'],
    });
    const unknown = { ...basis, documentId: OTHER };
    expect(judge(upsertOf({ ...plain, personalDataBasis: unknown }))).toMatchObject({
      code: 'third_party_personal_data',
      message: 'The representation document is not approved.',
    });
  });
});
