import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/schemas/account';
import { sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { storeEvidence } from '../evidence/evidence-service';
import { pushMutations } from '../sync/push-service';

// Every endpoint of review, statistics, disclosures and the data subject's rights, asked by each
// kind of caller about their own data and about someone else's. Each cell has a fresh caller and
// a fresh someone else, so cells that close accounts or decide cannot disturb one another.

type Caller = 'anonymous' | 'pending' | 'blocked' | Role;
const CALLERS: Caller[] = ['anonymous', 'pending', 'blocked', 'analyst', 'reviewer', 'admin'];
type Answer = number | readonly [number, string];
/** What an account owns: a material it reported, evidence it uploaded. */
type Subject = { userId: string; materialId: string; sha256: string };
type Actor = { id?: string; auth: Record<string, string> };
type Endpoint = {
  name: string;
  send: (actor: Actor, subject: Subject) => Response | Promise<Response>;
  expect: Record<Caller, Answer>;
  /** Routes that name no one's data: one cell per caller instead of own and other's. */
  subjectless?: true;
  /** Checks made on a successful answer: that it holds the caller's own data only. */
  check?: (body: unknown, self: { actor: Actor; subject: Subject }, other: Subject) => void;
};

const UNAUTHORIZED = [401, 'unauthorized'] as const;
const PENDING = [403, 'account_pending'] as const;
const BLOCKED = [403, 'account_blocked'] as const;
const FORBIDDEN = [403, 'forbidden'] as const;
const signedIn = (ok: number): Endpoint['expect'] => ({
  anonymous: UNAUTHORIZED,
  pending: PENDING,
  blocked: BLOCKED,
  analyst: ok,
  reviewer: ok,
  admin: ok,
});
const reviewersOnly = (ok: number): Endpoint['expect'] => ({
  ...signedIn(ok),
  analyst: FORBIDDEN,
});
const adminOnly = (ok: number): Endpoint['expect'] => ({
  ...reviewersOnly(ok),
  reviewer: FORBIDDEN,
});

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
  // An admin who stays, so that an admin caller may close their own account.
  createUser(t, { role: 'admin' });
});
afterAll(() => t.dispose());

const request = (path: string, actor: Actor, init: RequestInit = {}) =>
  t.app.request(path, {
    ...init,
    headers: { ...actor.auth, ...(init.headers as Record<string, string>) },
  });
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/materials',
    subjectless: true,
    send: (actor) => request('/api/materials', actor),
    expect: reviewersOnly(200),
  },
  {
    name: 'GET /api/materials/export/blocking.csv',
    subjectless: true,
    send: (actor) => request('/api/materials/export/blocking.csv', actor),
    expect: reviewersOnly(200),
  },
  {
    name: 'GET /api/materials/:id',
    send: (actor, subject) => request(`/api/materials/${subject.materialId}`, actor),
    expect: reviewersOnly(200),
  },
  {
    name: 'POST /api/materials/:id/decision',
    send: (actor, subject) =>
      request(
        `/api/materials/${subject.materialId}/decision`,
        actor,
        json('POST', { status: 'under_review', comment: '', expectedVersion: 1 }),
      ),
    expect: reviewersOnly(200),
  },
  {
    name: 'GET /api/evidence/:sha256',
    send: (actor, subject) => request(`/api/evidence/${subject.sha256}`, actor),
    expect: reviewersOnly(200),
  },
  {
    name: 'GET /api/stats',
    subjectless: true,
    send: (actor) => request('/api/stats?by=topic', actor),
    expect: reviewersOnly(200),
  },
  {
    name: 'POST /api/admin/disclosures',
    send: (actor, subject) =>
      request(
        '/api/admin/disclosures',
        actor,
        json('POST', {
          recipient: 'Следственный отдел',
          recipientType: 'state_body',
          basis: 'Мотивированный запрос',
          requestNumber: '1',
          requestDate: '2026-11-24',
          scope: { userIds: [subject.userId] },
        }),
      ),
    expect: adminOnly(201),
  },
  {
    name: 'GET /api/admin/disclosures',
    subjectless: true,
    send: (actor) => request('/api/admin/disclosures', actor),
    expect: adminOnly(200),
  },
  {
    name: 'GET /api/me/data',
    subjectless: true,
    send: (actor) => request('/api/me/data', actor),
    expect: signedIn(200),
    check: (body, self, other) => {
      const data = body as { profile: { id: string }; reports: { materialId: string }[] };
      expect(data.profile.id).toBe(self.actor.id);
      expect(data.reports.map((r) => r.materialId)).toEqual([self.subject.materialId]);
      expect(JSON.stringify(body)).not.toContain(other.userId);
    },
  },
  {
    name: 'DELETE /api/me',
    subjectless: true,
    send: (actor) => request('/api/me', actor, { method: 'DELETE' }),
    expect: signedIn(200),
    check: (body, self) => expect((body as { userId: string }).userId).toBe(self.actor.id),
  },
];

/** A fresh account of the caller's kind that reported a material and uploaded evidence. */
async function accountWithData(caller: Exclude<Caller, 'anonymous'>) {
  const status = caller === 'pending' || caller === 'blocked' ? caller : 'active';
  const role = status === 'active' ? (caller as Role) : 'analyst';
  const user = createUser(t, { role, status });
  const report = sampleReport();
  await pushMutations(t.storage, user.id, [upsertOf(report)], t.deps.now());
  const { materialId } = (await t.rows('reports')).find((r) => r.id === report.id)!;
  const material = { id: materialId };
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    randomBytes(16),
  ]);
  const sha256 = createHash('sha256').update(png).digest('hex');
  await storeEvidence(t.storage, {
    sha256,
    mime: 'image/png',
    bytes: png,
    uploadedBy: user.id,
    at: t.deps.now(),
  });
  return {
    actor: user as Actor,
    subject: { userId: user.id, materialId: material.id, sha256 },
  };
}

const cells = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.flatMap((caller) =>
    (['own', 'other'] as const)
      .filter((scope) => (caller !== 'anonymous' && !endpoint.subjectless) || scope === 'other')
      .map((scope) => {
        const label = endpoint.subjectless
          ? 'no data named'
          : scope === 'own'
            ? 'own data'
            : "another's data";
        return [endpoint.name, caller, label, { endpoint, caller, scope }] as const;
      }),
  ),
);

describe('authorization matrix of the console', () => {
  it.each(cells)('%s as %s (%s)', async (_name, _caller, _label, { endpoint, caller, scope }) => {
    const other = await accountWithData('analyst');
    const self =
      caller === 'anonymous'
        ? { actor: { auth: {} }, subject: other.subject }
        : await accountWithData(caller);
    const subject = scope === 'own' ? self.subject : other.subject;
    const expected = endpoint.expect[caller];

    const response = await endpoint.send(self.actor, subject);
    const text = await response.text();
    const body =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
    if (typeof expected === 'number') {
      expect(response.status).toBe(expected);
      endpoint.check?.(body, self, other.subject);
    } else {
      expect([response.status, body?.error?.code]).toEqual(expected);
    }
  });
});
