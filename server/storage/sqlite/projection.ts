import { NO_REGION } from '#shared/schemas/stats';
import { codesOfMask, maskOf, vocabularyFingerprint } from '../../features/review/facet-masks';
import type { SqliteHandles } from './handles';
import {
  type ChangedReport,
  type MaterialFacets,
  type ProjectionStore,
  projectionStore,
  type ReportFacets,
} from './projection-store';

/**
 * The read model behind the reviewers' queue and the statistics follows the reports by their
 * change numbers: every change of a report (push, deletion, a status decision) gives it a new
 * number, so everything past the model's position is what it has not seen yet. It catches up on
 * demand, in bounded steps, each a short write transaction.
 */

/** Change numbers handled per step: keeps each write transaction short. */
export const CATCH_UP_STEP = 2000;
const POSITION = 'change';
const VOCABULARY = 'vocabulary';

/** Brings the read model up to date, yielding to other requests between steps. */
export async function refreshReviewProjection(
  storage: Pick<SqliteHandles, 'sqlite'>,
  step = CATCH_UP_STEP,
): Promise<void> {
  while (!catchUpStep(storage, step)) await new Promise((resolve) => setImmediate(resolve));
}

/** One bounded step of catching up; true once the read model is up to date. */
export function catchUpStep(storage: Pick<SqliteHandles, 'sqlite'>, step = CATCH_UP_STEP): boolean {
  const store = projectionStore(storage.sqlite);
  if (isCurrent(store)) return true;
  return storage.sqlite
    .transaction(() => {
      if (store.stateOf(VOCABULARY) !== vocabularyFingerprint()) restart(store);
      const from = Number(store.stateOf(POSITION) ?? 0);
      const target = store.changeCounter();
      if (from >= target) return true;
      const upto = Math.min(target, from + step);
      apply(store, store.changedReports(from, upto));
      store.setState(POSITION, upto);
      return upto >= target;
    })
    .immediate();
}

function isCurrent(store: ProjectionStore): boolean {
  return (
    store.stateOf(VOCABULARY) === vocabularyFingerprint() &&
    Number(store.stateOf(POSITION) ?? 0) >= store.changeCounter()
  );
}

/** Masks made with other vocabularies mean nothing: start again from the first change. */
function restart(store: ProjectionStore): void {
  store.clear();
  store.setState(POSITION, 0);
  store.setState(VOCABULARY, vocabularyFingerprint());
}

/** How a step changes one material: reports added, or some taken away (then it is recounted). */
type MaterialChange = { added: ReportFacets[]; recount: boolean };

function apply(store: ProjectionStore, changed: ChangedReport[]): void {
  const counts = new DailyCounts();
  const materials = new Map<number, MaterialChange>();
  const changeOf = (seq: number) => {
    const change = materials.get(seq) ?? { added: [], recount: false };
    materials.set(seq, change);
    return change;
  };
  for (const report of changed) {
    const { before } = report;
    const after = report.deletedAt ? undefined : facetsOf(report);
    // A status decision renumbers every report of the material without changing what they say.
    if (before && after && sameFacets(before, after)) {
      changeOf(after.materialSeq);
      continue;
    }
    if (before) {
      counts.addReport(before, -1);
      changeOf(before.materialSeq).recount = true;
    }
    if (after) {
      counts.addReport(after, 1);
      changeOf(after.materialSeq).added.push(after);
      store.putReportFacets(report.id, after);
    } else if (before) {
      store.deleteReportFacets(report.createdAt, report.id);
    }
  }
  for (const [seq, change] of materials) updateMaterial(store, seq, change, counts);
  counts.save(store);
}

function updateMaterial(
  store: ProjectionStore,
  seq: number,
  change: MaterialChange,
  counts: DailyCounts,
): void {
  const before = store.materialFacets(seq);
  const material = store.material(seq);
  let after: MaterialFacets | undefined;
  if (material) {
    const now = { status: material.status, firstReportedDay: dayOf(material.createdAt) };
    after =
      change.recount || !before
        ? combine(
            { ...now, liveReports: 0, topics: 0, languages: 0, regions: 0, resourceTypes: 0 },
            change.recount ? store.reportFacetsOfMaterial(seq) : change.added,
          )
        : combine({ ...before, ...now }, change.added);
  }
  if (before) counts.add('status', before.firstReportedDay, before.status, -1);
  if (after && after.liveReports > 0) {
    counts.add('status', after.firstReportedDay, after.status, 1);
    store.putMaterialFacets(seq, after);
  } else if (before) {
    store.deleteMaterialFacets(seq);
  }
}

function combine(start: MaterialFacets, reports: ReportFacets[]): MaterialFacets {
  const facets = { ...start };
  for (const r of reports) {
    facets.liveReports += 1;
    facets.topics |= r.topics;
    facets.languages |= r.languages;
    facets.regions |= r.regions;
    facets.resourceTypes |= r.resourceTypes;
  }
  return facets;
}

function facetsOf(report: ChangedReport): ReportFacets {
  return {
    materialSeq: report.materialSeq,
    createdAt: report.createdAt,
    topics: maskOf('topic', JSON.parse(report.topics)),
    languages: maskOf('language', JSON.parse(report.languages)),
    regions: maskOf('region', [report.region]),
    resourceTypes: maskOf('resourceType', [report.resourceType]),
  };
}

function sameFacets(a: ReportFacets, b: ReportFacets): boolean {
  return (
    a.materialSeq === b.materialSeq &&
    a.createdAt === b.createdAt &&
    a.topics === b.topics &&
    a.languages === b.languages &&
    a.regions === b.regions &&
    a.resourceTypes === b.resourceTypes
  );
}

/** The UTC day of an ISO timestamp. */
export function dayOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}

/** Changes to the daily counts, summed in memory and written once per step. */
class DailyCounts {
  private readonly deltas = new Map<string, number>();

  add(facet: string, day: string, value: string, delta: number): void {
    const key = `${facet}\u0000${day}\u0000${value}`;
    this.deltas.set(key, (this.deltas.get(key) ?? 0) + delta);
  }

  addReport(report: ReportFacets, delta: number): void {
    const day = dayOf(report.createdAt);
    this.add('total', day, '', delta);
    for (const topic of codesOfMask('topic', report.topics)) this.add('topic', day, topic, delta);
    for (const language of codesOfMask('language', report.languages)) {
      this.add('language', day, language, delta);
    }
    const [region] = codesOfMask('region', report.regions);
    this.add('region', day, region ?? NO_REGION, delta);
    for (const type of codesOfMask('resourceType', report.resourceTypes)) {
      this.add('resourceType', day, type, delta);
    }
  }

  save(store: ProjectionStore): void {
    for (const [key, delta] of this.deltas) {
      if (delta === 0) continue;
      const [facet, day, value] = key.split('\u0000') as [string, string, string];
      store.addCount(facet, day, value, delta);
    }
  }
}
