import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import { deleteOf, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { addUser, type TestUser } from '../../testing/users';

// The routes run on either engine's stores (testing/pg-test-app.ts).
describe.each(TEST_APP_ENGINES)('on $engine', ({ create }) => {
  let t: Awaited<ReturnType<typeof create>>;
  let analyst: TestUser;

  beforeEach(async () => {
    t = await create();
    analyst = await addUser(t);
  });
  afterEach(() => t.dispose());

  /** The rows of a table push writes, in whichever engine holds them. */
  async function rowsOf(table: 'reports' | 'materials' | 'applied_mutations') {
    const query = `SELECT * FROM ${table} ORDER BY id`;
    if ('pg' in t) return (await t.pg.pool.query(query)).rows;
    return t.storage.sqlite.prepare(query).all();
  }

  /** Everything push writes, to compare before and after a retry. */
  async function snapshot() {
    return {
      reports: await rowsOf('reports'),
      materials: await rowsOf('materials'),
      applied: await rowsOf('applied_mutations'),
    };
  }

  const statuses = (body: { results: { status: string }[] }) => body.results.map((r) => r.status);

  describe('push idempotency', () => {
    it('answers duplicate for a batch sent twice and changes nothing', async () => {
      const report = sampleReport();
      const batch = [
        upsertOf(report),
        upsertOf({ ...report, note: 'вторая' }),
        deleteOf(report.id),
      ];
      const other = sampleReport();
      batch.push(upsertOf(other));
      const first = await pushAs(t, analyst, batch);
      expect(statuses(first.body)).toEqual(['applied', 'applied', 'applied', 'applied']);
      const before = await snapshot();
      t.advance(60_000);
      const again = await pushAs(t, analyst, batch);
      expect(statuses(again.body)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
      expect(await snapshot()).toEqual(before);
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
      expect(await rowsOf('reports')).toHaveLength(4);
    });

    it('applies a batch sent twice at the same time exactly once', async () => {
      const batch = Array.from({ length: 50 }, () => upsertOf(sampleReport()));
      const [one, two] = await Promise.all([pushAs(t, analyst, batch), pushAs(t, analyst, batch)]);
      const all = [...statuses(one.body), ...statuses(two.body)];
      expect(all.filter((s) => s === 'applied')).toHaveLength(50);
      expect(all.filter((s) => s === 'duplicate')).toHaveLength(50);
      expect(await rowsOf('reports')).toHaveLength(50);
      expect(await rowsOf('applied_mutations')).toHaveLength(50);
      const versions = (await rowsOf('reports')).map((r) => (r as { version: number }).version);
      expect(versions.every((v) => v === 1)).toBe(true);
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
      expect(await rowsOf('applied_mutations')).toHaveLength(0);
    });

    it("does not let another user replay someone's mutation id", async () => {
      const mutation = upsertOf(sampleReport());
      await pushAs(t, analyst, [mutation]);
      const { body } = await pushAs(t, await addUser(t), [mutation]);
      expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
      expect(body.results[0].report).toBeUndefined();
    });
  });
});
