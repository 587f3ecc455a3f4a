import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { SAMPLE_FILES } from '../accounts/testing';
import { getJson, report, walk } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

const png = SAMPLE_FILES.png;
const pngHash = createHash('sha256').update(png).digest('hex');

async function uploadEvidence(user: TestUser) {
  const response = await t.app.request(`/api/evidence/${pngHash}`, {
    method: 'PUT',
    headers: { ...user.auth, 'content-type': 'image/png' },
    body: new Uint8Array(png),
  });
  expect(response.status).toBe(201);
}

describe('GET /api/materials/:id', () => {
  it('shows the live reports, the evidence they refer to and the review history', async () => {
    const evidence = { sha256: pngHash, mime: 'image/png' as const, bytes: png.byteLength };
    const missing = { sha256: 'b'.repeat(64), mime: 'image/jpeg' as const, bytes: 10 };
    const first = await report(t, analyst, { evidence, note: 'Первое сообщение' });
    await uploadEvidence(analyst);
    t.advance(1000);
    const second = await report(t, createUser(t), { url: first.report.url, evidence: missing });
    const gone = await report(t, analyst, { url: first.report.url });
    await pushAs(t, analyst, [deleteOf(gone.report.id)]);
    await walk(t, reviewer, first.materialId, ['under_review']);

    const { status, body } = await getJson(t, reviewer, `/api/materials/${first.materialId}`);
    expect(status).toBe(200);
    expect(body.material).toMatchObject({ id: first.materialId, reportCount: 2, version: 2 });
    expect(body.reports.map((r: { id: string }) => r.id)).toEqual([
      first.report.id,
      second.report.id,
    ]);
    expect(body.reports[0]).toMatchObject({
      note: 'Первое сообщение',
      evidence,
      personalDataKinds: [],
      reporter: { id: analyst.id, organization: 'Test Agency' },
    });
    const unstamped = { state: 'not_configured', genTime: null, attempts: 0, lastError: null };
    expect(body.evidence).toEqual([
      {
        ...evidence,
        kind: 'screenshot',
        uploaded: true,
        reportIds: [first.report.id],
        timestamp: unstamped,
      },
      {
        ...missing,
        kind: 'screenshot',
        uploaded: false,
        reportIds: [second.report.id],
        timestamp: unstamped,
      },
    ]);
    expect(body.history).toEqual([
      {
        fromStatus: 'submitted',
        toStatus: 'under_review',
        at: '2026-11-24T10:00:01.000Z',
        byUserId: reviewer.id,
        byName: 'Test User',
        comment: 'Решение по материалу',
        reporterComment: '',
      },
    ]);
  });

  it('tells nothing of reporters beyond their id and organization', async () => {
    const phone = '+7 701 555 44 33';
    t.update('users', analyst.id, {
      fullName: 'Серикова Айгерим',
      phone,
      position: 'Эксперт отдела',
    });
    const { materialId } = await report(t, analyst);
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    const text = JSON.stringify(body);
    for (const secret of [analyst.email, 'Серикова', phone, 'Эксперт отдела']) {
      expect(text).not.toContain(secret);
    }
    expect(Object.keys(body.reports[0].reporter).sort()).toEqual(['id', 'organization']);
  });

  it('hides the organization of a reporter who closed their account', async () => {
    const { materialId } = await report(t, analyst);
    const closed = await t.app.request('/api/me', { method: 'DELETE', headers: analyst.auth });
    expect(closed.status).toBe(200);
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(body.reports[0].reporter).toEqual({ id: analyst.id, organization: null });
  });

  it('answers not_found for an unknown material or an id that is no UUID', async () => {
    for (const id of [crypto.randomUUID(), 'nope', '1%27%20OR%201=1']) {
      const { status, body } = await getJson(t, reviewer, `/api/materials/${id}`);
      expect([status, body.error.code]).toEqual([404, 'not_found']);
    }
  });
});

describe('GET /api/evidence/:sha256', () => {
  it('serves the image with its stored type, never to be sniffed or cached', async () => {
    await uploadEvidence(analyst);
    const response = await t.app.request(`/api/evidence/${pngHash}`, { headers: reviewer.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers not_found for evidence never uploaded', async () => {
    const { status, body } = await getJson(t, reviewer, `/api/evidence/${'c'.repeat(64)}`);
    expect([status, body.error.code]).toEqual([404, 'not_found']);
  });

  it.each(['C'.repeat(64), 'abc', `${'a'.repeat(63)}g`, '..%2F..%2Fwebtagger.sqlite'])(
    'refuses a name that is no SHA-256: %s',
    async (name) => {
      const { status, body } = await getJson(t, reviewer, `/api/evidence/${name}`);
      expect([status, body.error.code]).toEqual([400, 'validation_failed']);
    },
  );
});
