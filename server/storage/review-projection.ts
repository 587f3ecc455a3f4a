import type { ReviewStatus } from '#shared/review-status';
import { NO_REGION } from '#shared/schemas/stats';
import { codesOfMask, maskOf } from '../features/review/facet-masks';

/**
 * The read model behind the reviewers' queue and the statistics, as every engine keeps it: each
 * step of catching up takes the reports whose change numbers moved past the model's position and
 * updates the facets of reports and materials and the daily counts. The engine supplies the rows
 * and stores the results (`ProjectionTarget`), inside one write transaction per step.
 */

/** What one live report contributes to the read model. */
export type ReportFacets = {
  materialSeq: number;
  /** When the report was first received (it never changes). */
  createdAt: string;
  topics: number;
  languages: number;
  regions: number;
  resourceTypes: number;
};

/** The read model's row of a material with live reports. */
export type MaterialFacets = {
  status: ReviewStatus;
  firstReportedDay: string;
  liveReports: number;
  topics: number;
  languages: number;
  regions: number;
  resourceTypes: number;
};

/** A report whose change number moved past the read model's position, and what it was. */
export type ChangedReport = {
  id: string;
  createdAt: string;
  deletedAt: string | null;
  /** JSON arrays of codes, as stored. */
  topics: string;
  languages: string;
  region: string | null;
  resourceType: string;
  materialSeq: number;
  /** What the read model holds of it, if anything. */
  before: ReportFacets | undefined;
};

/** A changed report as both engines read it: what the read model holds of it, flattened. */
export type ChangedReportRow = Omit<ChangedReport, 'before'> & {
  beforeSeq: number | null;
  beforeTopics: number;
  beforeLanguages: number;
  beforeRegions: number;
  beforeResourceTypes: number;
};

/** The report with what the read model holds of it, if anything. */
export function changedReportOf({
  beforeSeq,
  beforeTopics,
  beforeLanguages,
  beforeRegions,
  beforeResourceTypes,
  ...report
}: ChangedReportRow): ChangedReport {
  return {
    ...report,
    before:
      beforeSeq === null
        ? undefined
        : {
            materialSeq: beforeSeq,
            createdAt: report.createdAt,
            topics: beforeTopics,
            languages: beforeLanguages,
            regions: beforeRegions,
            resourceTypes: beforeResourceTypes,
          },
  };
}

/** What a step reads and writes of the read model, inside the step's transaction. */
export interface ProjectionTarget {
  reportFacetsOfMaterial(materialSeq: number): ReportFacets[];
  putReportFacets(reportId: string, facets: ReportFacets): void;
  deleteReportFacets(createdAt: string, reportId: string): void;
  material(seq: number): { status: ReviewStatus; createdAt: string } | undefined;
  materialFacets(seq: number): MaterialFacets | undefined;
  putMaterialFacets(seq: number, facets: MaterialFacets): void;
  deleteMaterialFacets(seq: number): void;
  /** Adds to a daily count; a count back at zero is removed. */
  addCount(facet: string, day: string, value: string, delta: number): void;
}

/** Change numbers handled per step: keeps each write transaction short. */
export const CATCH_UP_STEP = 2000;

/** How a step changes one material: reports added, or some taken away (then it is recounted). */
type MaterialChange = { added: ReportFacets[]; recount: boolean };

/** Applies one step's changed reports to the read model. */
export function applyChanges(store: ProjectionTarget, changed: ChangedReport[]): void {
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
  store: ProjectionTarget,
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

  save(store: ProjectionTarget): void {
    for (const [key, delta] of this.deltas) {
      if (delta === 0) continue;
      const [facet, day, value] = key.split('\u0000') as [string, string, string];
      store.addCount(facet, day, value, delta);
    }
  }
}
