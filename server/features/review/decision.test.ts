import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, pullAs, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { decide, getJson, report, walk } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;
let materialId: string;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
  materialId = (await report(t, analyst)).materialId;
});
afterEach(() => t.dispose());

const post = (body: unknown, id = materialId) =>
  t.app.request(`/api/materials/${id}/decision`, {
    method: 'POST',
    headers: { ...reviewer.auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/materials/:id/decision', () => {
  it('moves the material on, answers it with its new version, and keeps who, when and why', async () => {
    const { status, body } = await decide(t, reviewer, materialId, 'under_review', 1, '');
    expect(status).toBe(200);
    expect(body.material).toMatchObject({ id: materialId, status: 'under_review', version: 2 });

    t.advance(60_000);
    const confirmed = await decide(t, reviewer, materialId, 'confirmed', 2, 'Нет лицензии');
    expect(confirmed.body.material).toMatchObject({ status: 'confirmed', version: 3 });
    const history = await t.rows('materialStatusChanges');
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.byUserId, h.comment, h.at])).toEqual([
      ['submitted', 'under_review', reviewer.id, '', '2026-11-24T10:00:00.000Z'],
      ['under_review', 'confirmed', reviewer.id, 'Нет лицензии', '2026-11-24T10:01:00.000Z'],
    ]);
  });

  it('audits every decision with the step and the new version', async () => {
    await walk(t, reviewer, materialId, ['under_review', 'confirmed']);
    const events = (await t.rows('auditEvents')).filter(
      (r) => r.action === 'material.status_changed',
    );
    expect(events.map((e) => [e.actorUserId, e.subjectId, e.details])).toEqual([
      [reviewer.id, materialId, { from: 'submitted', to: 'under_review', version: 2 }],
      [reviewer.id, materialId, { from: 'under_review', to: 'confirmed', version: 3 }],
    ]);
  });

  it('refuses a decision taken on a version that has moved, with the current version', async () => {
    await walk(t, reviewer, materialId, ['under_review']);
    const { status, body } = await decide(t, reviewer, materialId, 'confirmed', 1);
    expect([status, body.error.code]).toEqual([409, 'conflict']);
    expect(body.error.details).toEqual({ version: 2 });
  });

  it('refuses a step the workflow does not allow, and changes nothing', async () => {
    const { status, body } = await decide(t, reviewer, materialId, 'blocked', 1);
    expect([status, body.error.code]).toEqual([409, 'conflict']);
    expect(await t.rows('materialStatusChanges')).toEqual([]);
    expect(
      (await t.rows('auditEvents')).filter((r) => r.action === 'material.status_changed'),
    ).toEqual([]);
  });

  it('takes the whole workflow through to blocked and restored', async () => {
    await walk(t, reviewer, materialId, [
      'under_review',
      'confirmed',
      'sent_for_blocking',
      'blocked',
      'restored',
      'sent_for_blocking',
    ]);
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(body.material.status).toBe('sent_for_blocking');
    expect(body.history).toHaveLength(6);
  });

  it("sends the new status to the reporter's extension through pull", async () => {
    const before = await pullAs(t, analyst);
    expect(before.body.changes.map((c: { status: string }) => c.status)).toEqual(['submitted']);

    await walk(t, reviewer, materialId, ['under_review', 'confirmed']);
    const after = await pullAs(t, analyst, { cursor: before.body.cursor });
    expect(after.status).toBe(200);
    expect(after.body.changes).toHaveLength(1);
    expect(after.body.changes[0]).toMatchObject({ deleted: false, status: 'confirmed' });
  });

  it('answers not_found for an unknown material, and for an id that is no UUID', async () => {
    for (const id of [crypto.randomUUID(), 'not-an-id', '..%2F..%2Fetc']) {
      const response = await post({ status: 'under_review', comment: '', expectedVersion: 1 }, id);
      expect(response.status).toBe(404);
    }
  });

  it('answers consent_required to a reviewer without consent, and decides once they accept', async () => {
    const newcomer = createUser(t, { role: 'reviewer', consent: false });
    const refused = await decide(t, newcomer, materialId, 'under_review', 1, '');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'consent_required',
      details: { policyVersion: '1' },
    });
    const material = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(material.body.material).toMatchObject({ status: 'submitted', version: 1 });
    expect(await t.rows('materialStatusChanges')).toEqual([]);
    expect(
      (await t.rows('auditEvents')).filter((r) => r.action === 'material.status_changed'),
    ).toEqual([]);

    const consent = await t.app.request('/api/consent', {
      method: 'POST',
      headers: { ...newcomer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        policyVersion: '1',
        scopes: { processing: true, thirdPartyTransfer: false },
      }),
    });
    expect(consent.status).toBe(201);
    const accepted = await decide(t, newcomer, materialId, 'under_review', 1, '');
    expect(accepted.status).toBe(200);
    expect(accepted.body.material).toMatchObject({ status: 'under_review', version: 2 });
  });

  it.each([
    ['no reason for a confirmation', { status: 'confirmed', comment: '  ', expectedVersion: 1 }],
    ['an unknown status', { status: 'approved', comment: 'x', expectedVersion: 1 }],
    ['a version that is no number', { status: 'under_review', comment: '', expectedVersion: '1' }],
    ['a version of zero', { status: 'under_review', comment: '', expectedVersion: 0 }],
    ['no version', { status: 'under_review', comment: '' }],
    ['a comment too long', { status: 'confirmed', comment: 'x'.repeat(2001), expectedVersion: 1 }],
    ['an unknown field', { status: 'under_review', comment: '', expectedVersion: 1, by: 'me' }],
    ['an array', [{ status: 'under_review' }]],
  ])('refuses %s with validation_failed', async (_name, body) => {
    const response = await post(body);
    const answer = (await response.json()) as { error: { code: string } };
    expect([response.status, answer.error.code]).toEqual([400, 'validation_failed']);
  });

  it('carries a comment for the reporters to every live report of the material through pull', async () => {
    const colleague = createUser(t);
    const url = 'https://shared.example.kz/promo';
    const mine = await report(t, analyst, { url });
    const second = await report(t, analyst, { url: `${url}?utm_source=vk` });
    const theirs = await report(t, colleague, { url });
    const withdrawn = await report(t, colleague, { url: `${url}#top` });
    await pushAs(t, colleague, [deleteOf(withdrawn.report.id)]);
    const mineBefore = await pullAs(t, analyst);
    const theirsBefore = await pullAs(t, colleague);

    await walk(t, reviewer, mine.materialId, ['under_review']);
    const answer = await post(
      {
        status: 'confirmed',
        comment: 'Лицензии нет, реестр проверен',
        reporterComment: 'Спасибо, материал подтверждён',
        expectedVersion: 2,
      },
      mine.materialId,
    );
    expect(answer.status).toBe(200);

    const mineAfter = await pullAs(t, analyst, { cursor: mineBefore.body.cursor });
    expect(
      mineAfter.body.changes.map((c: { id: string; status: string; reporterComment?: string }) => [
        c.id,
        c.status,
        c.reporterComment,
      ]),
    ).toEqual([
      [mine.report.id, 'confirmed', 'Спасибо, материал подтверждён'],
      [second.report.id, 'confirmed', 'Спасибо, материал подтверждён'],
    ]);
    const theirsAfter = await pullAs(t, colleague, { cursor: theirsBefore.body.cursor });
    expect(theirsAfter.body.changes).toEqual([
      expect.objectContaining({
        id: theirs.report.id,
        status: 'confirmed',
        reporterComment: 'Спасибо, материал подтверждён',
      }),
    ]);
    // The internal comment stays with the reviewers.
    expect(JSON.stringify(mineAfter.body)).not.toContain('реестр');
  });

  it("keeps the internal and the reporters' comments apart in the history, with the reviewer's name", async () => {
    const named = createUser(t, { role: 'reviewer', fullName: 'Айгерим Сапарова' });
    await walk(t, named, materialId, ['under_review']);
    await post(
      {
        status: 'rejected',
        comment: 'Не нарушение',
        reporterComment: 'Нарушения нет',
        expectedVersion: 2,
      },
      materialId,
    );
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(
      body.history.map((h: Record<string, unknown>) => [h.byName, h.comment, h.reporterComment]),
    ).toEqual([
      ['Айгерим Сапарова', 'Решение по материалу', ''],
      ['Test User', 'Не нарушение', 'Нарушения нет'],
    ]);
  });

  it('drops an earlier comment for the reporters when a later decision gives none', async () => {
    await walk(t, reviewer, materialId, ['under_review']);
    await post(
      { status: 'confirmed', comment: 'Да', reporterComment: 'Подтверждено', expectedVersion: 2 },
      materialId,
    );
    await post(
      { status: 'sent_for_blocking', comment: 'В реестр', expectedVersion: 3 },
      materialId,
    );
    const { body } = await pullAs(t, analyst);
    expect(body.changes[0].status).toBe('sent_for_blocking');
    expect(body.changes[0]).not.toHaveProperty('reporterComment');
  });
});

describe('a decision’s legal ground', () => {
  const ground = { code: 'communications_41_1_p1', courtDecision: undefined };

  it('is kept with a decision to confirm and shown in the history', async () => {
    await walk(t, reviewer, materialId, ['under_review']);
    const answer = await post({
      status: 'confirmed',
      comment: 'Реклама онлайн-казино',
      expectedVersion: 2,
      legalGround: { code: ground.code },
    });
    expect(answer.status).toBe(200);
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(body.history.at(-1)).toMatchObject({
      toStatus: 'confirmed',
      legalGround: { code: 'communications_41_1_p1' },
    });
  });

  it('takes a court decision only with its number and date', async () => {
    await walk(t, reviewer, materialId, ['under_review']);
    const without = await post({
      status: 'confirmed',
      comment: 'По решению суда',
      expectedVersion: 2,
      legalGround: { code: 'court_decision' },
    });
    expect(without.status).toBe(400);
    const withIt = await post({
      status: 'confirmed',
      comment: 'По решению суда',
      expectedVersion: 2,
      legalGround: {
        code: 'court_decision',
        courtDecision: { number: '7199-25-00-2/1234', date: '2025-03-14' },
      },
    });
    expect(withIt.status).toBe(200);
  });

  it('is refused on a step that is not confirming or sending for blocking', async () => {
    const answer = await post({
      status: 'under_review',
      comment: '',
      expectedVersion: 1,
      legalGround: { code: ground.code },
    });
    expect(answer.status).toBe(400);
    expect(await t.rows('materialStatusChanges')).toEqual([]);
  });

  it('is refused when the code is not in the vocabulary', async () => {
    await walk(t, reviewer, materialId, ['under_review']);
    const answer = await post({
      status: 'confirmed',
      comment: 'x',
      expectedVersion: 2,
      legalGround: { code: 'made_up_article' },
    });
    expect(answer.status).toBe(400);
  });
});
