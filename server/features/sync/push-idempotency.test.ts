import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedMutations, materials, reports } from '../../db/schema';
import { deleteOf, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

/** Everything push writes, to compare before and after a retry. */
function snapshot() {
  const { db } = t.storage;
  return {
    reports: db.select().from(reports).orderBy(reports.id).all(),
    materials: db.select().from(materials).orderBy(materials.id).all(),
    applied: db.select().from(appliedMutations).orderBy(appliedMutations.id).all(),
  };
}

const statuses = (body: { results: { status: string }[] }) => body.results.map((r) => r.status);

describe('push idempotency', () => {
  it('answers duplicate for a batch sent twice and changes nothing', async () => {
    const report = sampleReport();
    const batch = [upsertOf(report), upsertOf({ ...report, note: 'вторая' }), deleteOf(report.id)];
    const other = sampleReport();
    batch.push(upsertOf(other));
    const first = await pushAs(t, analyst, batch);
    expect(statuses(first.body)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const before = snapshot();
    t.advance(60_000);
    const again = await pushAs(t, analyst, batch);
    expect(statuses(again.body)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(snapshot()).toEqual(before);
  });

  it('gives the owner the report as it stands now with a duplicate answer', async () => {
    const report = sampleReport();
    const create = upsertOf(report);
    await pushAs(t, analyst, [create]);
    await pushAs(t, analyst, [upsertOf({ ...report, note: 'правка' })]);
    const { body } = await pushAs(t, analyst, [create]);
    expect(body.results[0]).toMatchObject({
      id: create.id,
      status: 'duplicate',
      report: { id: report.id, version: 2, note: 'правка' },
    });
  });

  it('applies only the new mutations of an overlapping batch', async () => {
    const [a, b, c, d] = Array.from({ length: 4 }, () => upsertOf(sampleReport()));
    await pushAs(t, analyst, [a, b, c]);
    const { body } = await pushAs(t, analyst, [b, c, d]);
    expect(statuses(body)).toEqual(['duplicate', 'duplicate', 'applied']);
    expect(await t.storage.db.$count(reports)).toBe(4);
  });

  it('applies a batch sent twice at the same time exactly once', async () => {
    const batch = Array.from({ length: 50 }, () => upsertOf(sampleReport()));
    const [one, two] = await Promise.all([pushAs(t, analyst, batch), pushAs(t, analyst, batch)]);
    const all = [...statuses(one.body), ...statuses(two.body)];
    expect(all.filter((s) => s === 'applied')).toHaveLength(50);
    expect(all.filter((s) => s === 'duplicate')).toHaveLength(50);
    expect(await t.storage.db.$count(reports)).toBe(50);
    expect(await t.storage.db.$count(appliedMutations)).toBe(50);
    const versions = t.storage.db.select({ v: reports.version }).from(reports).all();
    expect(versions.every((r) => r.v === 1)).toBe(true);
  });

  it('answers duplicate for a mutation repeated inside one batch', async () => {
    const mutation = upsertOf(sampleReport());
    const { body } = await pushAs(t, analyst, [mutation, mutation]);
    expect(statuses(body)).toEqual(['applied', 'duplicate']);
  });

  it('judges a rejected mutation again when it is sent again', async () => {
    const bad = upsertOf({ ...sampleReport(), title: 'x'.repeat(501) });
    expect(statuses((await pushAs(t, analyst, [bad])).body)).toEqual(['rejected']);
    expect(statuses((await pushAs(t, analyst, [bad])).body)).toEqual(['rejected']);
    expect(await t.storage.db.$count(appliedMutations)).toBe(0);
  });

  it("does not let another user replay someone's mutation id", async () => {
    const mutation = upsertOf(sampleReport());
    await pushAs(t, analyst, [mutation]);
    const { body } = await pushAs(t, createUser(t), [mutation]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(body.results[0].report).toBeUndefined();
  });
});
