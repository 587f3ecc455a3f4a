import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportChange } from '#shared/schemas/report';
import { knownUrlHashes } from '../features/sync/known-urls-service';
import { pullChanges } from '../features/sync/pull-service';
import { pushMutations } from '../features/sync/push-service';
import { deleteOf, sampleReport, upsertOf } from '../testing/reports';
import { type EngineUnderTest, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');

describe.each(STORAGE_ENGINES)('reports and sync on $engine', ({ open }) => {
  let t: EngineUnderTest;
  const alice = testUser();
  const bob = testUser();
  beforeEach(async () => {
    t = await open();
    await t.addUsers(alice, bob);
  });
  afterEach(() => t.close());

  /** Every change of the user, following the cursors page by page. */
  async function pullAll(userId: string, after = 0, limit = 2): Promise<ReportChange[]> {
    const changes: ReportChange[] = [];
    let cursor = after;
    for (;;) {
      const page = await pullChanges(t.storage, userId, cursor, limit);
      changes.push(...page.changes);
      cursor = page.lastSeq;
      if (!page.hasMore) return changes;
    }
  }

  it('creates one material per URL key and gives each change its number, in order', async () => {
    const first = sampleReport({ url: 'https://casino.example.kz/promo?utm_source=tg' });
    const sameUrl = sampleReport({ url: 'https://CASINO.example.kz/promo' });
    const other = sampleReport();
    const results = await pushMutations(
      t.storage,
      alice.id!,
      [upsertOf(first), upsertOf(sameUrl), upsertOf(other)],
      NOW,
    );
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const known = await knownUrlHashes(t.storage, 0, 10);
    expect(known.hashes).toHaveLength(2);
    expect(known.hasMore).toBe(false);

    const pulled = await pullAll(alice.id!);
    expect(pulled.map((c) => c.id)).toEqual([first.id, sameUrl.id, other.id]);
    expect(pulled[0]).toMatchObject({ status: 'submitted', version: 1, title: first.title });
    expect(await pullAll(bob.id!)).toEqual([]);

    const page = await pullChanges(t.storage, alice.id!, 0, 3);
    expect((await pullChanges(t.storage, alice.id!, page.lastSeq, 3)).changes).toEqual([]);
  });

  it('answers a retried mutation as a duplicate and refuses another user its id', async () => {
    const report = sampleReport();
    const mutation = upsertOf(report);
    await pushMutations(t.storage, alice.id!, [mutation], NOW);
    const [again] = await pushMutations(t.storage, alice.id!, [mutation], NOW);
    expect(again).toMatchObject({ status: 'duplicate', report: { id: report.id, version: 1 } });
    const [stolen] = await pushMutations(t.storage, bob.id!, [mutation], NOW);
    expect(stolen).toMatchObject({ status: 'rejected', code: 'conflict' });
    expect(await pullAll(alice.id!)).toHaveLength(1);
  });

  it('keeps a tombstone without the note, pulled once more, and edits as new versions', async () => {
    const report = sampleReport({ note: 'Заметка аналитика' });
    await pushMutations(t.storage, alice.id!, [upsertOf(report)], NOW);
    const [edited] = await pushMutations(
      t.storage,
      alice.id!,
      [upsertOf({ ...report, title: 'Новый заголовок' })],
      NOW,
    );
    expect(edited).toMatchObject({ status: 'applied', report: { version: 2 } });
    const before = await pullChanges(t.storage, alice.id!, 0, 10);
    await pushMutations(t.storage, alice.id!, [deleteOf(report.id)], NOW);
    const after = await pullAll(alice.id!, before.lastSeq);
    expect(after).toEqual([
      { id: report.id, deleted: true, version: 3, updatedAt: NOW.toISOString() },
    ]);
    const own = await t.storage.reports.ownReports(alice.id!, {});
    expect(own).toEqual([]);
  });

  it("lists an analyst's own live reports by topic, newest first", async () => {
    const gambling = sampleReport({ topics: ['gambling'] });
    const drugs = sampleReport({ topics: ['drugs', 'gambling'] });
    await pushMutations(t.storage, alice.id!, [upsertOf(gambling)], NOW);
    await pushMutations(t.storage, alice.id!, [upsertOf(drugs)], new Date(NOW.getTime() + 1000));
    const all = await t.storage.reports.ownReports(alice.id!, { topic: 'gambling' });
    expect(all.map((r) => r.id)).toEqual([drugs.id, gambling.id]);
    const onlyDrugs = await t.storage.reports.ownReports(alice.id!, { topic: 'drugs' });
    expect(onlyDrugs.map((r) => r.id)).toEqual([drugs.id]);
  });

  it('stays exactly-once and gap-free while many pushes of the same URLs run at once', async () => {
    const urls = Array.from({ length: 5 }, (_, i) => `https://mirror-${i}.example.kz/`);
    const reader = new Map<string, number>();
    let cursor = 0;
    let writing = true;
    // A reader follows the cursor while the writers push: by the invariant it must end up with
    // every report's last version, which it would not if a lower number committed after it read.
    const reading = (async () => {
      while (writing) {
        const page = await pullChanges(t.storage, alice.id!, cursor, 7);
        for (const c of page.changes) reader.set(c.id, c.version);
        cursor = page.lastSeq;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const pushes = Array.from({ length: 24 }, (_, i) => {
      const user = i % 3 === 0 ? bob : alice;
      const reports = urls.map((url) => sampleReport({ url: `${url}?utm_source=push${i}` }));
      return pushMutations(t.storage, user.id!, reports.map(upsertOf), NOW);
    });
    const results = (await Promise.all(pushes)).flat();
    writing = false;
    await reading;
    for (const c of (await pullAll(alice.id!, cursor)).values()) reader.set(c.id, c.version);

    expect(results.every((r) => r.status === 'applied')).toBe(true);
    expect((await knownUrlHashes(t.storage, 0, 100)).hashes).toHaveLength(urls.length);
    const aliceReports = (await pullAll(alice.id!, 0, 1000)).map((c) => c.id);
    expect(aliceReports).toHaveLength(16 * urls.length);
    expect(new Set(aliceReports).size).toBe(aliceReports.length);
    expect([...reader.keys()].sort()).toEqual([...aliceReports].sort());
  });
});
