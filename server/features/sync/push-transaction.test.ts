import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/**
 * An unexpected storage failure: a trigger that aborts an insert into the table when the new
 * row matches the condition, in each engine's own trigger language.
 */
function failInsertsInto(table: string, name: string, when = 'true') {
  t.execute(
    t.engine === 'SQLite'
      ? `CREATE TRIGGER ${name} BEFORE INSERT ON ${table}
          WHEN ${when} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`
      : `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF ${when} THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
}

function removeFailure(table: string, name: string) {
  t.execute(
    t.engine === 'SQLite'
      ? `DROP TRIGGER ${name}`
      : `DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}()`,
  );
}

describe('push transaction', () => {
  it('stores nothing of a batch whose later mutation fails unexpectedly', async () => {
    await pushAs(t, analyst, [upsertOf(sampleReport())]);
    const counter = await t.rows('syncCounters');
    // An unexpected storage failure on the third report of the batch.
    failInsertsInto('reports', 'fail_on_boom', "NEW.note = 'boom'");
    const batch = [
      upsertOf(sampleReport()),
      upsertOf(sampleReport()),
      upsertOf(sampleReport({ note: 'boom' })),
      upsertOf(sampleReport()),
    ];
    const { status, body } = await pushAs(t, analyst, batch);
    expect([status, body.error.code]).toEqual([500, 'internal_error']);
    expect(await t.rows('reports')).toHaveLength(1);
    expect(await t.rows('materials')).toHaveLength(1);
    expect(await t.rows('appliedMutations')).toHaveLength(1);
    expect(await t.rows('syncCounters')).toEqual(counter);

    // Once the failure is gone the very same batch goes through: nothing was half-applied.
    removeFailure('reports', 'fail_on_boom');
    const retry = await pushAs(t, analyst, batch);
    expect(retry.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
  });

  it('keeps the audit events of a failed batch out of the log as well', async () => {
    const before = (await t.rows('auditEvents')).length;
    failInsertsInto('applied_mutations', 'fail_always');
    const withPersonalData = upsertOf(sampleReport({ note: 'пишите ivan.petrov@mail.ru' }));
    const { status } = await pushAs(t, analyst, [withPersonalData, upsertOf(sampleReport())]);
    expect(status).toBe(500);
    expect(await t.rows('auditEvents')).toHaveLength(before);
  });
});
