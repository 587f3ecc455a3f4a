import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushAs, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, walk } from '../review/testing';
import { checkChain, custodyHash, GENESIS_HASH, sealEvents } from './custody';
import { custodyEventsOf, recordCustody } from './custody-service';
import { htmlBytes, listed, pngBytes, reportWithEvidence, upload } from './testing/fixtures';

describe('the custody hash chain', () => {
  it('hashes the RFC 8785 form of the event without its hash', () => {
    // JCS sorts keys and writes numbers and strings in one way, whatever order they came in.
    const event = {
      type: 'viewed',
      seq: 1,
      at: '2026-11-24T10:00:00.000Z',
      prevHash: GENESIS_HASH,
      n: 1e21,
    };
    const jcs = `{"at":"2026-11-24T10:00:00.000Z","n":1e+21,"prevHash":"${GENESIS_HASH}","seq":1,"type":"viewed"}`;
    expect(custodyHash({ ...event, hash: 'ignored' })).toBe(
      createHash('sha256').update(jcs).digest('hex'),
    );
  });

  it('links each event to the one before and finds any change', () => {
    const drafts = ['a', 'b', 'c'].map((note) => ({
      type: 'viewed',
      at: '2026-11-24T10:00:00.000Z',
      material: 'm',
      note,
    }));
    const events = sealEvents(undefined, drafts);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    const rows = events.map((e) => ({ seq: e.seq, hash: e.hash, event: JSON.stringify(e) }));
    expect(checkChain('m', rows)).toEqual([]);
    const edited = rows.map((r, i) =>
      i === 1 ? { ...r, event: r.event.replace('"b"', '"x"') } : r,
    );
    expect(checkChain('m', edited)).toEqual([
      { seq: 2, problem: expect.stringMatching(/hashes to/) },
    ]);
    expect(checkChain('other', rows)).toHaveLength(3);
    const resealed = sealEvents(events[2], drafts.slice(0, 1));
    expect(resealed[0]).toMatchObject({ seq: 4, prevHash: events[2]!.hash });
  });
});

describe('custody of a material', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  beforeEach(async () => {
    t = await createTestApp();
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  it('records receipt, each file, each version, views and decisions once each, in order', async () => {
    const { materialId, report, listing } = await reportWithEvidence(t, analyst);
    // A retried upload and a repeated catch-up record nothing new.
    expect(await upload(t, analyst, htmlBytes(), 'text/html')).toBe(200);
    await recordCustody(t.storage, materialId, t.deps.now());
    const extra = pngBytes('second');
    t.advance(1000);
    await pushAs(t, analyst, [
      upsertOf({ ...report, files: [...listing, listed(extra, 'image/png')] }),
    ]);
    await upload(t, analyst, extra, 'image/png');
    await walk(t, reviewer, materialId, ['under_review']);
    await getJson(t, reviewer, `/api/materials/${materialId}`);
    const events = await custodyEventsOf(t.storage, materialId);
    expect(events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'report_received'],
      [2, 'evidence_received'],
      [3, 'evidence_received'],
      [4, 'evidence_received'],
      [5, 'report_received'],
      [6, 'evidence_received'],
      [7, 'decided'],
      [8, 'viewed'],
    ]);
    expect(events[0]).toMatchObject({
      reportId: report.id,
      reportVersion: 1,
      reporterId: analyst.id,
      material: materialId,
    });
    expect(events[4]).toMatchObject({ reportVersion: 2 });
    expect(events[5]).toMatchObject({
      sha256: createHash('sha256').update(extra).digest('hex'),
      mime: 'image/png',
    });
    expect(events[6]).toMatchObject({ from: 'submitted', to: 'under_review', by: reviewer.id });
    expect(events[7]).toMatchObject({ by: reviewer.id, via: 'api' });
    expect(checkChain(materialId, await t.storage.evidence.custodyLog(materialId))).toEqual([]);
  });

  it('does not let a view by an analyst into the log', async () => {
    const { materialId } = await reportWithEvidence(t, analyst);
    expect((await getJson(t, analyst, `/api/materials/${materialId}`)).status).toBe(403);
    const events = await custodyEventsOf(t.storage, materialId);
    expect(events.some((e) => e.type === 'viewed')).toBe(false);
  });
});
