import { afterEach, beforeEach, expect, it } from 'vitest';
import type { JsonAnswer } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from './testing';

// Claims, "next" and bulk decisions.
let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let anna: TestUser;
let boris: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  anna = createUser(t, { role: 'reviewer', fullName: 'Анна Ревизорова' });
  boris = createUser(t, { role: 'reviewer', fullName: 'Борис Проверкин' });
});
afterEach(() => t.dispose());

const post = async (caller: TestUser, path: string, body: unknown) => {
  const response = await t.app.request(path, {
    method: 'POST',
    headers: { ...caller.auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as JsonAnswer };
};

/** Materials reported one minute apart, oldest first. */
async function materials(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    ids.push((await report(t, analyst, { title: `Материал ${i}` })).materialId);
    t.advance(60_000);
  }
  return ids;
}

it('lets one reviewer claim a material and tells the other who holds it since when', async () => {
  const [id] = await materials(1);
  const claimed = await post(anna, `/api/materials/${id}/claim`, {});
  expect(claimed.status).toBe(200);
  expect(claimed.body.claim).toMatchObject({ userId: anna.id, name: 'Анна Ревизорова' });
  const refused = await post(boris, `/api/materials/${id}/claim`, {});
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('conflict');
  expect(refused.body.error.details.claim.userId).toBe(anna.id);
  const queue = await getJson(t, boris, '/api/materials');
  expect(queue.body.materials[0].claim).toMatchObject({
    userId: anna.id,
    since: claimed.body.claim.since,
  });
  const audit = await t.storage.audit.list({ action: 'material.claimed' }, 10);
  expect(audit.map((e) => [e.actorUserId, e.subjectId])).toEqual([[anna.id, id]]);
});

it('gives a material claimed by two reviewers at once to exactly one of them', async () => {
  const [id] = await materials(1);
  const answers = await Promise.all([
    post(anna, `/api/materials/${id}/claim`, {}),
    post(boris, `/api/materials/${id}/claim`, {}),
  ]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const winner = answers.find((a) => a.status === 200)!.body.claim.userId;
  const queue = await getJson(t, anna, '/api/materials');
  expect(queue.body.materials[0].claim.userId).toBe(winner);
});

it("never offers another reviewer's material as next, and goes on in the queue's sort", async () => {
  const [oldest, middle, newest] = await materials(3);
  await post(boris, `/api/materials/${newest}/claim`, {});
  const first = await getJson(t, anna, '/api/materials/next');
  expect(first.body.material.id).toBe(middle);
  const second = await getJson(t, anna, `/api/materials/next?after=${middle}`);
  expect(second.body.material.id).toBe(oldest);
  const none = await getJson(t, anna, `/api/materials/next?after=${oldest}`);
  expect(none.body.material).toBeNull();
  // Boris's own claim is his to work on.
  expect((await getJson(t, boris, '/api/materials/next')).body.material.id).toBe(newest);
  const byTitle = await getJson(t, anna, `/api/materials/next?sort=title&dir=asc&after=${oldest}`);
  expect(byTitle.body.material.id).toBe(middle);
});

it('assigns to active reviewers only; only the holder or an admin lets a claim go', async () => {
  const [id] = await materials(1);
  const admin = createUser(t, { role: 'admin', fullName: 'Айгуль Админова' });
  expect((await post(anna, `/api/materials/${id}/claim`, { userId: analyst.id })).status).toBe(400);
  const assigned = await post(anna, `/api/materials/${id}/claim`, { userId: boris.id });
  expect(assigned.body.claim).toMatchObject({ userId: boris.id, assignedBy: anna.id });
  const version = assigned.body.claim.version;
  // Boris holds it now: another reviewer may neither release nor reassign it.
  for (const attempt of [
    post(anna, `/api/materials/${id}/release`, { expectedVersion: version }),
    post(anna, `/api/materials/${id}/claim`, { userId: anna.id, expectedVersion: version }),
  ]) {
    const refused = await attempt;
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.claim.userId).toBe(boris.id);
  }
  const stale = await post(admin, `/api/materials/${id}/release`, { expectedVersion: 9 });
  expect(stale.status).toBe(409);
  const released = await post(admin, `/api/materials/${id}/release`, { expectedVersion: version });
  expect(released).toEqual({ status: 200, body: { claim: null } });
  await post(boris, `/api/materials/${id}/claim`, {});
  expect((await post(boris, `/api/materials/${id}/release`, {})).status).toBe(200);
  const actions = (await t.storage.audit.list({}, 20)).map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['material.assigned', 'material.released']));
});

it("leaves another reviewer's material alone in bulk and says who holds it", async () => {
  const ids = await materials(4);
  await post(boris, `/api/materials/${ids[1]}/claim`, {});
  await post(anna, `/api/materials/${ids[2]}/claim`, {});
  const answer = await post(anna, '/api/materials/decisions', {
    status: 'under_review',
    comment: '',
    materials: ids.map((id) => ({ id, expectedVersion: 1 })),
  });
  expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
    'applied',
    'claimed',
    'applied',
    'applied',
  ]);
  expect(answer.body.results[1].material).toMatchObject({
    status: 'submitted',
    version: 1,
    claim: { userId: boris.id, name: 'Борис Проверкин' },
  });
  const untouched = await t.storage.review.materialFile(ids[1]!);
  expect(untouched!.history).toEqual([]);
  const decided = await t.storage.audit.list({ action: 'material.status_changed' }, 10);
  expect(decided.map((e) => e.subjectId).sort()).toEqual([ids[0], ids[2], ids[3]].sort());
});

it('refuses a single decision on a material another reviewer holds until it is released', async () => {
  const [id] = await materials(1);
  const admin = createUser(t, { role: 'admin' });
  const claimed = await post(boris, `/api/materials/${id}/claim`, {});
  const decide = (caller: TestUser) =>
    post(caller, `/api/materials/${id}/decision`, {
      status: 'under_review',
      comment: '',
      expectedVersion: 1,
    });
  for (const caller of [anna, admin]) {
    const refused = await decide(caller);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.details.claim).toMatchObject({ userId: boris.id });
  }
  expect((await t.storage.review.materialFile(id!))!.material.version).toBe(1);
  await post(admin, `/api/materials/${id}/release`, {
    expectedVersion: claimed.body.claim.version,
  });
  expect((await decide(anna)).status).toBe(200);
});

it('lets the holder decide the material they hold', async () => {
  const [id] = await materials(1);
  await post(boris, `/api/materials/${id}/claim`, {});
  await walk(t, boris, id!, ['under_review', 'confirmed']);
  expect((await t.storage.review.materialFile(id!))!.material.status).toBe('confirmed');
});

it('decides in bulk, reporting the material that moved meanwhile and applying the rest', async () => {
  const ids = await materials(4);
  await walk(t, boris, ids[1]!, ['under_review']);
  const answer = await post(anna, '/api/materials/decisions', {
    status: 'under_review',
    comment: '',
    materials: ids.map((id) => ({ id, expectedVersion: 1 })),
  });
  expect(answer.status).toBe(200);
  expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
    'applied',
    'changed',
    'applied',
    'applied',
  ]);
  expect(answer.body.results[1].material).toMatchObject({ status: 'under_review', version: 2 });
  expect(answer.body.results[0].material).toMatchObject({ status: 'under_review', version: 2 });
  const blocked = await post(anna, '/api/materials/decisions', {
    status: 'blocked',
    comment: 'Заблокировать',
    materials: [{ id: ids[0], expectedVersion: 2 }],
  });
  expect(blocked.body.results[0].outcome).toBe('not_allowed');
  const confirmed = await post(anna, '/api/materials/decisions', {
    status: 'confirmed',
    comment: 'Казино без лицензии',
    legalGround: { code: 'criminal_code_307' },
    materials: [
      { id: ids[0], expectedVersion: 2 },
      { id: ids[2], expectedVersion: 2 },
    ],
  });
  expect(confirmed.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
    'applied',
    'applied',
  ]);
  const history = await t.storage.review.materialFile(ids[2]!);
  expect(history!.history.at(-1)!.change).toMatchObject({
    toStatus: 'confirmed',
    comment: 'Казино без лицензии',
    byUserId: anna.id,
  });
  const missing = await post(anna, '/api/materials/decisions', {
    status: 'rejected',
    comment: '',
    materials: [{ id: ids[2], expectedVersion: 2 }],
  });
  expect(missing.status).toBe(400);
});

it('sorts the queue by a column both ways, paging through ties by creation order', async () => {
  const ids = await materials(5);
  const titles = async (query: string) => {
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await getJson(t, anna, `/api/materials?limit=2&${query}${cursor}`);
      seen.push(...page.body.materials.map((m: { id: string }) => m.id));
      if (!page.body.hasMore) return seen;
      cursor = `&cursor=${page.body.cursor}`;
    }
  };
  expect(await titles('sort=title&dir=asc')).toEqual(ids);
  expect(await titles('sort=title&dir=desc')).toEqual([...ids].reverse());
  await walk(t, anna, ids[2]!, ['under_review']);
  expect((await titles('sort=updated'))[0]).toBe(ids[2]);
  expect(await titles('sort=reports&dir=asc')).toEqual(ids);
  const garbled = await getJson(t, anna, '/api/materials?sort=title&cursor=MTI');
  expect(garbled.status).toBe(400);
});

it('lets no analyst claim, take next, decide in bulk or keep filters', async () => {
  const [id] = await materials(1);
  const answers = await Promise.all([
    post(analyst, `/api/materials/${id}/claim`, {}),
    post(analyst, `/api/materials/${id}/release`, {}),
    post(analyst, '/api/materials/decisions', {
      status: 'under_review',
      comment: '',
      materials: [{ id, expectedVersion: 1 }],
    }),
    post(analyst, '/api/materials/filters', { name: 'x', query: '' }),
    getJson(t, analyst, '/api/materials/next'),
    getJson(t, analyst, '/api/materials/filters'),
  ]);
  expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
  expect((await t.storage.review.materialFile(id!))!.material.version).toBe(1);
});

it("keeps each reviewer's saved filters, replaced by name, deleted only by their owner", async () => {
  const saved = await post(anna, '/api/materials/filters', {
    name: 'Новые казино',
    query: 'topic=gambling&sort=updated&dir=asc&cursor=abc&bogus=1&status=nope',
  });
  expect(saved.status).toBe(201);
  expect(saved.body.query).toBe('topic=gambling&sort=updated&dir=asc');
  await post(anna, '/api/materials/filters', { name: 'Новые казино', query: 'status=submitted' });
  const listed = await getJson(t, anna, '/api/materials/filters');
  expect(listed.body.filters.map((f: { query: string }) => f.query)).toEqual(['status=submitted']);
  expect((await getJson(t, boris, '/api/materials/filters')).body.filters).toEqual([]);
  const id = listed.body.filters[0].id;
  const del = (caller: TestUser) =>
    t.app.request(`/api/materials/filters/${id}`, { method: 'DELETE', headers: caller.auth });
  expect((await del(boris)).status).toBe(404);
  expect((await del(anna)).status).toBe(204);
  expect((await getJson(t, anna, '/api/materials/filters')).body.filters).toEqual([]);
});
