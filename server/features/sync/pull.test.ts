import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewStatus } from '#shared/review-status';
import { canonicalUrl } from '#shared/url-key';
import { deleteOf, pullAs, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { changeMaterialStatus } from '../materials/material-status';
import { encodeCursor } from './cursor';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

type Change = { id: string; version: number; deleted: boolean; status?: ReviewStatus };

/** Pulls every page from the cursor on; answers the changes and the last cursor. */
async function pullAll(user: TestUser, cursor?: string, limit = 500) {
  const changes: Change[] = [];
  for (;;) {
    const { status, body } = await pullAs(t, user, { cursor, limit });
    expect(status).toBe(200);
    changes.push(...body.changes);
    cursor = body.cursor;
    if (!body.hasMore) return { changes, cursor };
  }
}

async function setStatus(reportId: string, ...path: ReviewStatus[]) {
  const row = (await t.rows('reports')).find((r) => r.id === reportId);
  for (const to of path) {
    await changeMaterialStatus(t.storage, {
      materialId: row?.materialId ?? '',
      to,
      byUserId: null,
      at: t.deps.now(),
    });
  }
}

describe('pull', () => {
  it("answers the caller's own reports, as the server holds them, from the start", async () => {
    const mine = sampleReport();
    await pushAs(t, analyst, [upsertOf(mine)]);
    await pushAs(t, createUser(t), [upsertOf(sampleReport())]);
    const { status, body } = await pullAs(t, analyst);
    expect(status).toBe(200);
    expect(body.hasMore).toBe(false);
    expect(body.changes).toEqual([
      {
        ...mine,
        userId: analyst.id,
        urlKey: canonicalUrl(mine.url),
        status: 'submitted',
        version: 1,
        createdAt: t.deps.now().toISOString(),
        updatedAt: t.deps.now().toISOString(),
        deleted: false,
      },
    ]);
  });

  it('answers nothing new after the last cursor, and the same cursor again', async () => {
    await pushAs(t, analyst, [upsertOf(sampleReport())]);
    const first = await pullAs(t, analyst);
    const again = await pullAs(t, analyst, { cursor: first.body.cursor });
    expect(again.body).toEqual({ changes: [], cursor: first.body.cursor, hasMore: false });
  });

  it('pages in change order with hasMore until the last page', async () => {
    const pushed = Array.from({ length: 25 }, () => sampleReport());
    await pushAs(t, analyst, pushed.map(upsertOf));
    const page = await pullAs(t, analyst, { limit: 10 });
    expect(page.body.changes).toHaveLength(10);
    expect(page.body.hasMore).toBe(true);
    const { changes } = await pullAll(analyst, undefined, 10);
    expect(changes.map((c) => c.id)).toEqual(pushed.map((r) => r.id));
  });

  it('shows an edited report once, at its latest version, after the cursor that saw it', async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report), upsertOf(sampleReport())]);
    const { cursor } = await pullAll(analyst);
    await pushAs(t, analyst, [upsertOf({ ...report, note: 'правка' })]);
    const { changes } = await pullAll(analyst, cursor);
    expect(changes).toMatchObject([{ id: report.id, version: 2, note: 'правка' }]);
  });

  it('shows a deletion as a tombstone', async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report)]);
    const { cursor } = await pullAll(analyst);
    await pushAs(t, analyst, [deleteOf(report.id)]);
    const { changes } = await pullAll(analyst, cursor);
    expect(changes).toEqual([
      { id: report.id, deleted: true, version: 2, updatedAt: t.deps.now().toISOString() },
    ]);
  });

  it("brings a material's review status to the owners of its reports, and only to them", async () => {
    const other = createUser(t);
    const bystander = createUser(t);
    const mine = sampleReport({ url: 'https://example.kz/bad' });
    const theirs = sampleReport({ url: 'https://www.example.kz/bad/' });
    await pushAs(t, analyst, [upsertOf(mine)]);
    await pushAs(t, other, [upsertOf(theirs)]);
    await pushAs(t, bystander, [upsertOf(sampleReport())]);
    const cursors = await Promise.all([analyst, other, bystander].map((u) => pullAll(u)));
    await setStatus(mine.id, 'under_review', 'confirmed');
    const after = await Promise.all(
      [analyst, other, bystander].map((u, i) => pullAll(u, cursors[i]?.cursor)),
    );
    expect(after[0]?.changes).toMatchObject([{ id: mine.id, status: 'confirmed', version: 1 }]);
    expect(after[1]?.changes).toMatchObject([{ id: theirs.id, status: 'confirmed', version: 1 }]);
    expect(after[2]?.changes).toEqual([]);
  });

  it('misses and repeats no change while writes go on between page reads', async () => {
    const ids = Array.from({ length: 120 }, () => sampleReport());
    await pushAs(t, analyst, ids.slice(0, 60).map(upsertOf));
    const seen: Change[] = [];
    let cursor: string | undefined;
    let round = 0;
    for (;;) {
      const { body } = await pullAs(t, analyst, { cursor, limit: 7 });
      seen.push(...body.changes);
      cursor = body.cursor;
      // Between page reads: new reports, edits and deletions of pages already read and not yet
      // read, and a status change.
      if (round < 10) {
        const fresh = ids.slice(60 + round * 6, 66 + round * 6);
        const edited = ids[round * 5] as (typeof ids)[number];
        await pushAs(t, analyst, [
          ...fresh.map(upsertOf),
          upsertOf({ ...edited, note: `правка ${round}` }),
          ...(round % 3 === 0 ? [deleteOf((ids[round * 5 + 1] as typeof edited).id)] : []),
        ]);
        if (round === 4) await setStatus((ids[2] as typeof edited).id, 'under_review');
      }
      round += 1;
      if (!body.hasMore && round > 10) break;
    }
    // Every state the client ended with is the state the server holds.
    const latest = new Map(seen.map((c) => [c.id, c]));
    const { changes: fromScratch } = await pullAll(analyst);
    expect(fromScratch.length).toBe(120);
    for (const held of fromScratch) expect(latest.get(held.id)).toEqual(held);
    // No state was sent twice.
    const states = seen.map((c) => `${c.id}/${c.version}/${c.deleted}/${c.status}`);
    expect(new Set(states).size).toBe(states.length);
  });

  it('refuses a garbled cursor and a limit out of range', async () => {
    for (const cursor of [
      '???',
      'bm90LWEtbnVtYmVy',
      encodeCursor(1).padEnd(10, 'A'),
      '-1',
      'MDE',
    ]) {
      const { status, body } = await pullAs(t, analyst, { cursor });
      expect([cursor, status, body.error.code]).toEqual([cursor, 400, 'validation_failed']);
    }
    for (const limit of [0, 1001, 1.5]) {
      const { status } = await pullAs(t, analyst, { limit });
      expect(status).toBe(400);
    }
    const tooLong = await pullAs(t, analyst, { cursor: 'A'.repeat(101) });
    expect(tooLong.status).toBe(400);
  });

  it('needs a signed-in analyst but not consent (reading one’s own data)', async () => {
    await pushAs(t, analyst, [upsertOf(sampleReport())]);
    const withdrawn = createUser(t, { consent: false });
    expect((await pullAs(t, withdrawn)).status).toBe(200);
    expect((await pullAs(t, { auth: {} })).status).toBe(401);
    expect((await pullAs(t, createUser(t, { role: 'reviewer' }))).body.error.code).toBe(
      'forbidden',
    );
  });
});
