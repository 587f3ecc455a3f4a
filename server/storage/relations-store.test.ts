import { describe, expect, it } from 'vitest';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { freshStorageEach, STORAGE_ENGINES, testUser } from '../testing/storage-engines';
import type { Fingerprint } from './relations-store';

const NOW = new Date('2026-12-04T10:00:00.000Z');
const sha = (c: string) => c.repeat(64);
const print = (
  contentSha256: string,
  source: Fingerprint['source'],
  signature: string | null,
): Fingerprint => ({ contentSha256, source, signature, bands: [] });

describe.each(STORAGE_ENGINES)('the page copies signed already, on $engine', ({ open }) => {
  const analyst = testUser();
  const t = freshStorageEach(open, analyst);

  it('answers one signature per page copy held, whatever number of materials share it', async () => {
    const reports = Array.from({ length: 4 }, () => sampleReport());
    await pushMutations(t.storage, analyst.id!, reports.map(upsertOf), NOW);
    const ids: string[] = [];
    for (const r of reports) ids.push(...(await t.storage.evidence.materialsOfReports([r.id])));
    const shared = print(sha('a'), 'page_copy', 'ab'.repeat(16));
    await t.storage.relations.recordFingerprints(
      [
        { materialId: ids[0]!, prints: [shared, print(sha('b'), 'screenshot', null)] },
        { materialId: ids[1]!, prints: [shared] },
        { materialId: ids[2]!, prints: [shared, print(sha('c'), 'page_copy', null)] },
        { materialId: ids[3]!, prints: [print(sha('d'), 'recheck', 'cd'.repeat(16))] },
      ],
      NOW.toISOString(),
    );

    const held = await t.storage.relations.pageCopySignatures([
      sha('a'),
      sha('b'),
      sha('c'),
      sha('d'),
      sha('e'),
    ]);
    // A screenshot or a re-check's body is no page copy; an unknown hash is not held.
    expect(held).toEqual(
      new Map([
        [sha('a'), 'ab'.repeat(16)],
        [sha('c'), null],
      ]),
    );
    expect(await t.storage.relations.pageCopySignatures([])).toEqual(new Map());
  });
});
