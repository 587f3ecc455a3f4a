import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_TRANSITIONS } from '#shared/review-status';
import { NO_REGION } from '#shared/schemas/stats';
import {
  KZ_REGION_CODES,
  LANGUAGE_CODES,
  RESOURCE_TYPE_CODES,
  TOPIC_CODES,
} from '#shared/taxonomy';
import { refreshPgProjection } from '../../storage/pg/projection';
import { dayOf, refreshReviewProjection } from '../../storage/sqlite/projection';
import { sampleReport } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { changeMaterialStatus } from '../materials/material-status';
import { pushMutations } from '../sync/push-service';
import { maskOf } from './facet-masks';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

const URLS = ['https://a.example.kz/1', 'https://b.example.kz/2', 'https://c.example.kz/3'];
const reportFields = fc.record({
  url: fc.constantFrom(...URLS),
  topics: fc.uniqueArray(fc.constantFrom(...TOPIC_CODES.slice(0, 4)), {
    minLength: 1,
    maxLength: 2,
  }),
  languages: fc.uniqueArray(fc.constantFrom(...LANGUAGE_CODES.slice(0, 3)), {
    minLength: 1,
    maxLength: 2,
  }),
  resourceType: fc.constantFrom(...RESOURCE_TYPE_CODES.slice(0, 2)),
  region: fc.option(fc.constantFrom(...KZ_REGION_CODES.slice(0, 2)), { nil: undefined }),
});
const operation = fc.oneof(
  fc.record({ op: fc.constant('new' as const), user: fc.nat(1), fields: reportFields }),
  fc.record({ op: fc.constant('edit' as const), pick: fc.nat(), fields: reportFields }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('decide' as const), pick: fc.nat(), choice: fc.nat() }),
  fc.record({ op: fc.constant('tomorrow' as const) }),
  fc.record({ op: fc.constant('catch_up' as const) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer O> ? O : never;

/** Runs the operations through the real push and decision code. */
async function run(t: TestApp, ops: Operation[]) {
  const users = [createUser(t), createUser(t)];
  const held: { report: ReturnType<typeof sampleReport>; userId: string }[] = [];
  for (const op of ops) {
    const now = t.deps.now();
    if (op.op === 'new' || op.op === 'edit') {
      const { region, ...fields } = op.fields;
      const geography = region
        ? { indicated: true as const, country: 'KZ', region }
        : { indicated: false as const };
      const target = op.op === 'edit' ? held[op.pick % Math.max(held.length, 1)] : undefined;
      if (op.op === 'edit' && !target) continue;
      const report = { ...(target?.report ?? sampleReport()), ...fields, geography };
      const userId = target?.userId ?? users[op.op === 'new' ? op.user % 2 : 0]!.id;
      const [result] = await pushMutations(t.storage, userId, [upsertMutation(report)], now);
      if (result?.status === 'applied' && !target) held.push({ report, userId });
    } else if (op.op === 'delete' && held.length > 0) {
      const [target] = held.splice(op.pick % held.length, 1);
      await pushMutations(
        t.storage,
        target!.userId,
        [{ id: crypto.randomUUID(), op: 'delete', reportId: target!.report.id }],
        now,
      );
    } else if (op.op === 'decide') {
      const all = (await t.rows('materials')).sort((a, b) => a.seq - b.seq);
      const material = all[op.pick % Math.max(all.length, 1)];
      const next = material && REVIEW_TRANSITIONS[material.status];
      if (!material || !next?.length) continue;
      await changeMaterialStatus(t.storage, {
        materialId: material.id,
        to: next[op.choice % next.length]!,
        byUserId: null,
        at: now,
      });
    } else if (op.op === 'tomorrow') {
      t.advance(86_400_000);
    } else if (op.op === 'catch_up') {
      await catchUp(t, 3);
    }
  }
}

/** Brings the read model up to date in steps of the given size, on the app's engine. */
async function catchUp(t: TestApp, step?: number) {
  await t.arranged();
  if (t.engine === 'SQLite') await refreshReviewProjection(t.sqlite, step);
  else await refreshPgProjection(t.postgres.db, step);
}

const upsertMutation = (report: ReturnType<typeof sampleReport>) => ({
  id: crypto.randomUUID(),
  op: 'upsert' as const,
  report,
});

/** What the read model should hold, computed from scratch from the reports. */
async function expected(t: TestApp) {
  const live = (await t.rows('reports')).filter((r) => !r.deletedAt);
  const byMaterial = new Map<string, typeof live>();
  for (const r of live) byMaterial.set(r.materialId, [...(byMaterial.get(r.materialId) ?? []), r]);
  const counts = new Map<string, number>();
  const add = (facet: string, day: string, value: string) => {
    const key = `${facet}|${day}|${value}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const r of live) {
    const day = dayOf(r.createdAt);
    add('total', day, '');
    for (const topic of r.topics) add('topic', day, topic);
    for (const language of r.languages) add('language', day, language);
    add('region', day, r.region ?? NO_REGION);
    add('resourceType', day, r.resourceType);
  }
  const facets = (await t.rows('materials'))
    .filter((m) => byMaterial.has(m.id))
    .map((m) => {
      const rs = byMaterial.get(m.id)!;
      add('status', dayOf(m.createdAt), m.status);
      return {
        materialSeq: m.seq,
        status: m.status,
        firstReportedDay: dayOf(m.createdAt),
        liveReports: rs.length,
        topics: maskOf(
          'topic',
          rs.flatMap((r) => r.topics),
        ),
        languages: maskOf(
          'language',
          rs.flatMap((r) => r.languages),
        ),
        regions: maskOf(
          'region',
          rs.map((r) => r.region),
        ),
        resourceTypes: maskOf(
          'resourceType',
          rs.map((r) => r.resourceType),
        ),
      };
    });
  return { facets: sortBySeq(facets), counts };
}

async function actual(t: TestApp) {
  const counts = new Map(
    (await t.rows('reviewDailyCounts')).map((c) => [`${c.facet}|${c.day}|${c.value}`, c.count]),
  );
  return { facets: sortBySeq(await t.rows('reviewMaterialFacets')), counts };
}

const sortBySeq = <T extends { materialSeq: number }>(rows: T[]) =>
  [...rows].sort((a, b) => a.materialSeq - b.materialSeq);

describe('the review read model', () => {
  it('matches the reports after any mix of pushes, edits, moves, deletions and decisions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 25 }), async (ops) => {
        const t = await createTestApp();
        try {
          await run(t, ops);
          await catchUp(t, 3);
          expect(await actual(t)).toEqual(await expected(t));
        } finally {
          await t.dispose();
        }
      }),
      { numRuns: 25 },
    );
    // Each run opens a fresh database: a PostgreSQL copy of the template takes longer than a file.
  }, 60_000);

  it('rebuilds itself from the first change when its masks were made with other vocabularies', async () => {
    const t = await createTestApp();
    try {
      const fields = { url: URLS[0]!, topics: ['terrorism' as const], languages: ['kk' as const] };
      await run(t, [
        { op: 'new', user: 0, fields: { ...fields, resourceType: 'website', region: undefined } },
        { op: 'catch_up' },
      ]);
      const before = await actual(t);
      expect(before.facets).toHaveLength(1);
      t.execute(
        "UPDATE review_projection_state SET value = 'older-vocabularies' WHERE name = 'vocabulary'",
      );
      t.insert('reviewMaterialFacets', { ...before.facets[0]!, materialSeq: 999_999, topics: 1 });
      await catchUp(t);
      expect(await actual(t)).toEqual(before);
    } finally {
      await t.dispose();
    }
  });
});
