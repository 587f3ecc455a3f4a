import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { changeMaterialStatus } from './material-status';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let materialId: string;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  const report = sampleReport();
  await pushAs(t, analyst, [upsertOf(report)]);
  materialId = (await t.rows('materials'))[0]?.id ?? '';
});
afterEach(() => t.dispose());

const change = (to: Parameters<typeof changeMaterialStatus>[1]['to'], expectedVersion?: number) =>
  changeMaterialStatus(t.storage, {
    materialId,
    to,
    byUserId: analyst.id,
    comment: 'проверено',
    expectedVersion,
    at: t.deps.now(),
  });

async function seqs() {
  return (await t.rows('reports'))
    .filter((r) => r.materialId === materialId)
    .map((r) => ({ id: r.id, seq: r.changeSeq }));
}

describe('changeMaterialStatus', () => {
  it('moves the material along the workflow, bumping its version and keeping the history', async () => {
    const updated = await change('under_review', 1);
    expect(updated).toMatchObject({ status: 'under_review', version: 2 });
    await change('confirmed');
    const history = await t.rows('materialStatusChanges');
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.byUserId, h.comment])).toEqual([
      ['submitted', 'under_review', analyst.id, 'проверено'],
      ['under_review', 'confirmed', analyst.id, 'проверено'],
    ]);
  });

  it('refuses a step the workflow does not allow', async () => {
    await expect(change('blocked')).rejects.toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(await t.rows('materialStatusChanges')).toEqual([]);
  });

  it('refuses a decision taken on a version that has moved', async () => {
    await change('under_review', 1);
    await expect(change('confirmed', 1)).rejects.toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });

  it('answers not_found for an unknown material', async () => {
    materialId = crypto.randomUUID();
    await expect(change('under_review')).rejects.toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('gives every live report of the material a new change number, and tombstones none', async () => {
    const other = sampleReport({ url: (await t.rows('materials'))[0]?.url });
    const gone = sampleReport({ url: other.url });
    await pushAs(t, createUser(t), [upsertOf(other)]);
    await pushAs(t, analyst, [upsertOf(gone), deleteOf(gone.id)]);
    const before = new Map((await seqs()).map((r) => [r.id, r.seq]));
    await change('under_review');
    const after = await seqs();
    for (const row of after) {
      if (row.id === gone.id) expect(row.seq).toBe(before.get(row.id));
      else expect(row.seq).toBeGreaterThan(Math.max(...before.values()));
    }
    expect(new Set(after.map((r) => r.seq)).size).toBe(after.length);
  });
});
