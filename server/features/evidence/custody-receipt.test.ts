import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportInput } from '#shared/schemas/report';
import type { Mutation, MutationResult } from '#shared/schemas/sync';
import type { Storage } from '../../storage';
import { deleteOf, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { walk } from '../review/testing';
import { pushMutations } from '../sync/push-service';
import { checkChain } from './custody';
import { recordCustody, recordReportsReceived, sealMissing } from './custody-service';
import { htmlBytes, listed, pngBytes, upload } from './testing/fixtures';

type LogRow = { materialId: string; seq: number; hash: string; event: string };

/** Stops the full catch-up's transaction once it sealed every material: nothing is appended. */
class DryRun extends Error {}

/**
 * What the full catch-up (which re-reads every touched log whole) would append for these reports
 * now, sealed exactly as it would, then rolled back.
 */
async function fullCatchUpWouldAppend(
  storage: Storage,
  reportIds: string[],
  at: Date,
): Promise<LogRow[]> {
  const ids = [...new Set(await storage.evidence.materialsOfReports(reportIds))];
  const sealed: LogRow[] = [];
  let left = ids.length;
  const seal = sealMissing(at);
  await storage.evidence
    .catchUpCustody(ids, (log, facts) => {
      const events = seal(log, facts);
      for (const e of events) {
        sealed.push({
          materialId: facts.materialId,
          seq: e.seq,
          hash: e.hash,
          event: JSON.stringify(e),
        });
      }
      left -= 1;
      if (left === 0) throw new DryRun();
      return events;
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRun)) throw error;
    });
  return sealed.sort(byLogPlace);
}

const byLogPlace = (a: LogRow, b: LogRow) =>
  a.materialId < b.materialId ? -1 : a.materialId > b.materialId ? 1 : a.seq - b.seq;

/** Every custody event held, by material and number. */
async function allEvents(storage: Storage): Promise<LogRow[]> {
  const rows: LogRow[] = [];
  for (const materialId of await storage.evidence.materialsWithCustody()) {
    for (const row of await storage.evidence.custodyLog(materialId))
      rows.push({ materialId, ...row });
  }
  return rows.sort(byLogPlace);
}

describe('custody on the push path', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  beforeEach(async () => {
    t = await createTestApp();
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  /**
   * Pushes the mutations, then records their receipt through the push path, and expects it to
   * append the very rows (events, numbers, hashes) the full catch-up would have appended.
   */
  async function pushAndCompare(mutations: Mutation[]) {
    const at = t.deps.now();
    const results: MutationResult[] = await pushMutations(t.storage, analyst.id, mutations, at);
    const received = results.flatMap((r) => (r.status === 'applied' && r.report ? [r.report] : []));
    const expected = await fullCatchUpWouldAppend(
      t.storage,
      received.map((r) => r.id),
      at,
    );
    const before = await allEvents(t.storage);
    await recordReportsReceived(t.storage, received, at);
    const after = await allEvents(t.storage);
    const appended = after.filter((row) => !before.some((b) => byLogPlace(b, row) === 0));
    expect(appended).toEqual(expected);
    return { received, appended };
  }

  const types = (rows: LogRow[]) =>
    rows.map((row) => (JSON.parse(row.event) as { type: string }).type);

  it('appends what the full catch-up would, byte for byte, push after push', async () => {
    const [shot, copy, late] = [pngBytes('a'), htmlBytes('b'), pngBytes('late')];
    // Files uploaded before any report lists them wait for one.
    expect(await upload(t, analyst, shot, 'image/png')).toBe(201);
    expect(await upload(t, analyst, copy, 'text/html')).toBe(201);
    const url = 'https://casino-one.example.kz/promo';
    const first: ReportInput = sampleReport({
      url,
      evidence: {
        sha256: listed(shot, 'image/png').sha256,
        mime: 'image/png',
        bytes: shot.byteLength,
      },
      files: [listed(copy, 'text/html')],
    });
    const second = sampleReport({ url, files: [listed(shot, 'image/png')] });
    const other = sampleReport({ url: 'https://casino-two.example.kz/promo' });
    // Three reports received at one moment: their order is the material's report order.
    const one = await pushAndCompare([upsertOf(first), upsertOf(second), upsertOf(other)]);
    expect(types(one.appended).sort()).toEqual(
      [
        'evidence_received',
        'evidence_received',
        'report_received',
        'report_received',
        'report_received',
      ].sort(),
    );

    // New versions (one report changed twice in the batch), a withdrawal, a file not uploaded yet.
    t.advance(1000);
    const fourth = sampleReport({ url: other.url, files: [listed(copy, 'text/html')] });
    const two = await pushAndCompare([
      upsertOf({
        ...first,
        note: 'Изменено.',
        files: [listed(copy, 'text/html'), listed(late, 'image/png')],
      }),
      upsertOf({ ...second, note: 'Раз.' }),
      upsertOf({ ...second, note: 'Два.' }),
      upsertOf(fourth),
      deleteOf(other.id),
    ]);
    expect(types(two.appended).filter((type) => type === 'report_received')).toHaveLength(3);

    // The late file arrives (its upload logs it), a decision is logged, then another push.
    t.advance(1000);
    expect(await upload(t, analyst, late, 'image/png')).toBe(201);
    const [materialId] = await t.storage.evidence.materialsOfReports([first.id]);
    await walk(t, reviewer, materialId!, ['under_review']);
    t.advance(1000);
    await pushAndCompare([
      upsertOf({ ...fourth, note: 'Ещё.' }),
      upsertOf({ ...first, note: 'Снова.' }),
    ]);

    // A file stamped before any report listed it: the push logs its receipt and its stamp.
    const stamped = pngBytes('stamped');
    expect(await upload(t, analyst, stamped, 'image/png')).toBe(201);
    await t.storage.evidence.recordTimestamp({
      sha256: listed(stamped, 'image/png').sha256,
      genTime: '2026-11-24T10:00:05.000Z',
      tokenSha256: 'f'.repeat(64),
      tsaUrl: 'https://tsa.example/',
      at: t.deps.now(),
    });
    t.advance(1000);
    const stamp = await pushAndCompare([
      upsertOf(sampleReport({ url, files: [listed(stamped, 'image/png')] })),
    ]);
    expect(types(stamp.appended)).toEqual(['report_received', 'evidence_received', 'time_stamped']);

    for (const id of await t.storage.evidence.materialsWithCustody()) {
      expect(checkChain(id, await t.storage.evidence.custodyLog(id))).toEqual([]);
    }
  });

  it('records a receipt once, when it is retried or a catch-up got there first', async () => {
    const shot = pngBytes('once');
    expect(await upload(t, analyst, shot, 'image/png')).toBe(201);
    const input = sampleReport({ files: [listed(shot, 'image/png')] });
    const at = t.deps.now();
    const results = await pushMutations(t.storage, analyst.id, [upsertOf(input)], at);
    const received = results.flatMap((r) => (r.status === 'applied' && r.report ? [r.report] : []));
    const [materialId] = await t.storage.evidence.materialsOfReports([input.id]);
    // A view between the push and its receipt catches the log up first.
    await recordCustody(t.storage, materialId!, at);
    const caughtUp = await t.storage.evidence.custodyLog(materialId!);
    expect(types(caughtUp.map((row) => ({ materialId: materialId!, ...row })))).toEqual([
      'report_received',
      'evidence_received',
    ]);
    await recordReportsReceived(t.storage, received, at);
    await recordReportsReceived(t.storage, received, at);
    expect(await t.storage.evidence.custodyLog(materialId!)).toEqual(caughtUp);
  });
});
