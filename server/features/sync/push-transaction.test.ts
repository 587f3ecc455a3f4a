import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedMutations, auditEvents, materials, reports, syncCounters } from '../../db/schema';
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

describe('push transaction', () => {
  it('stores nothing of a batch whose later mutation fails unexpectedly', async () => {
    await pushAs(t, analyst, [upsertOf(sampleReport())]);
    const counter = t.sqlite.db.select().from(syncCounters).all();
    // An unexpected storage failure on the third report of the batch.
    t.sqlite.sqlite.exec(`CREATE TRIGGER fail_on_boom BEFORE INSERT ON reports
      WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const batch = [
      upsertOf(sampleReport()),
      upsertOf(sampleReport()),
      upsertOf(sampleReport({ note: 'boom' })),
      upsertOf(sampleReport()),
    ];
    const { status, body } = await pushAs(t, analyst, batch);
    expect([status, body.error.code]).toEqual([500, 'internal_error']);
    expect(await t.sqlite.db.$count(reports)).toBe(1);
    expect(await t.sqlite.db.$count(materials)).toBe(1);
    expect(await t.sqlite.db.$count(appliedMutations)).toBe(1);
    expect(t.sqlite.db.select().from(syncCounters).all()).toEqual(counter);

    // Once the failure is gone the very same batch goes through: nothing was half-applied.
    t.sqlite.sqlite.exec('DROP TRIGGER fail_on_boom');
    const retry = await pushAs(t, analyst, batch);
    expect(retry.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('keeps the audit events of a failed batch out of the log as well', async () => {
    const before = await t.sqlite.db.$count(auditEvents);
    t.sqlite.sqlite.exec(`CREATE TRIGGER fail_always BEFORE INSERT ON applied_mutations
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const withPersonalData = upsertOf(sampleReport({ note: 'пишите ivan.petrov@mail.ru' }));
    const { status } = await pushAs(t, analyst, [withPersonalData, upsertOf(sampleReport())]);
    expect(status).toBe(500);
    expect(await t.sqlite.db.$count(auditEvents)).toBe(before);
  });
});
