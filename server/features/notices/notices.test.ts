import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report } from '../review/testing';
import { addRecipient, draftNotice, sendJson } from './testing';

const HOUR = 3_600_000;

describe('notices', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  let materials: string[];

  beforeEach(async () => {
    t = await createTestApp();
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
    materials = [
      (await report(t, analyst, { url: 'https://casino.example/a', title: 'Казино А' })).materialId,
      (await report(t, analyst, { url: 'https://casino.example/b', title: 'Казино Б' })).materialId,
    ];
  });
  afterEach(() => t.dispose());

  const audited = async (action: string) =>
    (await t.rows('auditEvents')).filter((e) => e.action === action);

  it('drafts, sends and answers a notice, its deadline from the recipient’s rule', async () => {
    const recipientId = await addRecipient(t, reviewer, { deadlineHours: 24 });
    const id = await draftNotice(t, reviewer, recipientId, materials);

    const draft = (await getJson(t, reviewer, `/api/notices/${id}`)).body.notice;
    expect(draft).toMatchObject({ status: 'draft', deadlineAt: null, materialCount: 2 });
    expect(draft.materials.map((m: { id: string }) => m.id)).toEqual(materials);
    expect(draft.materials[0].title).toBe('Казино А');

    t.advance(HOUR);
    const sent = await sendJson(t, reviewer, 'POST', `/api/notices/${id}/send`);
    expect(sent.status).toBe(200);
    const sentAt = Date.parse(sent.body.notice.sentAt);
    expect(sent.body.notice.status).toBe('sent');
    expect(Date.parse(sent.body.notice.deadlineAt) - sentAt).toBe(24 * HOUR);
    expect((await sendJson(t, reviewer, 'POST', `/api/notices/${id}/send`)).status).toBe(409);

    const answered = await sendJson(t, reviewer, 'POST', `/api/notices/${id}/responses`, {
      receivedOn: '2026-11-24',
      text: 'Доступ к материалам ограничен.',
      resultingStatus: 'complied',
    });
    expect(answered.status).toBe(201);
    expect(answered.body.notice.status).toBe('complied');
    expect(answered.body.notice.responses).toHaveLength(1);
    expect(await audited('notice.created')).toHaveLength(1);
    expect(await audited('notice.sent')).toHaveLength(1);
    expect(await audited('notice.response_recorded')).toHaveLength(1);
  });

  it('shows a notice past its deadline as overdue, first in the list, and audits it once', async () => {
    const recipientId = await addRecipient(t, reviewer, { deadlineHours: 24 });
    const late = await draftNotice(t, reviewer, recipientId, [materials[0]!]);
    const answered = await draftNotice(t, reviewer, recipientId, [materials[1]!]);
    await sendJson(t, reviewer, 'POST', `/api/notices/${late}/send`);
    await sendJson(t, reviewer, 'POST', `/api/notices/${answered}/send`);
    await sendJson(t, reviewer, 'POST', `/api/notices/${answered}/responses`, {
      receivedOn: '2026-11-24',
      text: 'Отказ.',
      resultingStatus: 'refused',
    });
    t.advance(1000);
    const fresh = await draftNotice(t, reviewer, recipientId, materials);

    t.advance(24 * HOUR - 2000);
    let list = (await getJson(t, reviewer, '/api/notices')).body.notices;
    expect(list.some((n: { overdue: boolean }) => n.overdue)).toBe(false);

    t.advance(2000);
    list = (await getJson(t, reviewer, '/api/notices')).body.notices;
    expect(list.map((n: { id: string; status: string }) => [n.id, n.status])).toEqual([
      [late, 'overdue'],
      [fresh, 'draft'],
      [answered, 'refused'],
    ]);
    const onlyOverdue = (await getJson(t, reviewer, '/api/notices?status=overdue')).body.notices;
    expect(onlyOverdue.map((n: { id: string }) => n.id)).toEqual([late]);
    await getJson(t, reviewer, `/api/notices/${late}`);
    expect((await audited('notice.overdue')).map((e) => e.subjectId)).toEqual([late]);

    const ofMaterial = await getJson(t, reviewer, `/api/notices?materialId=${materials[0]}`);
    expect(ofMaterial.body.notices.map((n: { id: string }) => n.id)).toEqual([late, fresh]);
  });

  it('exports a statement of reasons with the ground, scope, URLs, hashes and dates', async () => {
    const recipientId = await addRecipient(t, reviewer);
    const id = await draftNotice(t, reviewer, recipientId, materials);
    await sendJson(t, reviewer, 'POST', `/api/notices/${id}/send`);
    const { status, body } = await getJson(t, reviewer, `/api/notices/${id}/statement`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      noticeId: id,
      territorialScope: 'KZ',
      recipient: { name: 'Example Platform LLP', type: 'platform' },
      legalGround: {
        code: 'communications_41_1_p1',
        provision: '41-1.1',
        act: { code: 'communications', number: '567-II' },
      },
      explanation: 'Реклама онлайн-казино, доступная из Казахстана.',
    });
    expect(body.urls.map((u: { url: string }) => u.url)).toEqual([
      'https://casino.example/a',
      'https://casino.example/b',
    ]);
    expect(body.urls[0].evidenceSha256.every((h: string) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(body.dates.sentAt).not.toBeNull();
    expect(body.dates.deadlineAt).not.toBeNull();
  });

  it('refuses unknown materials and recipients, and responses to a draft', async () => {
    const recipientId = await addRecipient(t, reviewer);
    const unknown = await sendJson(t, reviewer, 'POST', '/api/notices', {
      recipientId,
      materialIds: [crypto.randomUUID()],
      legalGround: { code: 'communications_41_1_p1' },
      explanation: 'x',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('validation_failed');
    const id = await draftNotice(t, reviewer, recipientId, materials);
    const early = await sendJson(t, reviewer, 'POST', `/api/notices/${id}/responses`, {
      receivedOn: '2026-11-24',
      text: 'x',
      resultingStatus: 'complied',
    });
    expect(early.status).toBe(409);
    expect((await getJson(t, reviewer, `/api/notices/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('edits a recipient; a new deadline rule applies to notices sent afterwards', async () => {
    const recipientId = await addRecipient(t, reviewer, { deadlineHours: 24 });
    const edited = await sendJson(t, reviewer, 'PUT', `/api/notices/recipients/${recipientId}`, {
      name: 'Hosting LLP',
      type: 'hosting_provider',
      contact: 'abuse@hosting.example',
      deadlineHours: 72,
    });
    expect(edited.status).toBe(200);
    const id = await draftNotice(t, reviewer, recipientId, materials);
    const sent = (await sendJson(t, reviewer, 'POST', `/api/notices/${id}/send`)).body.notice;
    expect(Date.parse(sent.deadlineAt) - Date.parse(sent.sentAt)).toBe(72 * HOUR);
    const { body } = await getJson(t, reviewer, '/api/notices/recipients');
    expect(body.recipients).toEqual([expect.objectContaining({ name: 'Hosting LLP' })]);
  });

  it('refuses analysts and asks for consent before writing', async () => {
    const recipientId = await addRecipient(t, reviewer);
    for (const path of ['/api/notices', '/api/notices/recipients']) {
      expect((await getJson(t, analyst, path)).status).toBe(403);
    }
    const posted = await sendJson(t, analyst, 'POST', '/api/notices/recipients', {
      name: 'X',
      type: 'other',
      contact: 'x',
      deadlineHours: 1,
    });
    expect(posted.body.error.code).toBe('forbidden');
    const denied = await sendJson(t, analyst, 'POST', '/api/notices', {
      recipientId,
      materialIds: materials,
      legalGround: { code: 'communications_41_1_p1' },
      explanation: 'x',
    });
    expect(denied.status).toBe(403);
    const unconsenting = createUser(t, { role: 'reviewer', consent: false });
    const refused = await sendJson(t, unconsenting, 'POST', '/api/notices/recipients', {
      name: 'X',
      type: 'other',
      contact: 'x',
      deadlineHours: 1,
    });
    expect(refused.body.error.code).toBe('consent_required');
    expect((await t.app.request('/api/notices')).status).toBe(401);
  });
});
