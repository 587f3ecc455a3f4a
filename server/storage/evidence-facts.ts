import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile, EvidenceFileMime } from '#shared/schemas/report';
import type {
  CustodyFacts,
  CustodyLogRow,
  MaterialFile,
  SealedCustodyEvent,
} from './evidence-store';

// What both engines make of the rows they read about evidence: only the queries differ.

/** A live report as the evidence queries read it. */
export type LiveReportRow = {
  id: string;
  version: number;
  userId: string;
  url: string;
  updatedAt: string;
  evidence: Evidence | null;
  files: EvidenceFile[] | null;
};

/** The files reports refer to: the single `evidence` is a screenshot, then `files` in order. */
export function materialFilesOf(
  live: Pick<LiveReportRow, 'id' | 'evidence' | 'files'>[],
): MaterialFile[] {
  return live.flatMap((r) => [
    ...(r.evidence ? [{ ...r.evidence, kind: 'screenshot' as const, reportId: r.id }] : []),
    ...(r.files ?? []).map((f) => ({
      sha256: f.sha256,
      mime: f.mime,
      bytes: f.bytes,
      kind: f.kind,
      reportId: r.id,
    })),
  ]);
}

/**
 * The hashes of every file one report refers to, its evidence first. Built as one array: this
 * runs several times for each report a push stores.
 */
export function fileHashesOf(r: {
  evidence?: Evidence | null;
  files?: Pick<EvidenceFile, 'sha256'>[] | null;
}): string[] {
  const hashes = r.evidence ? [r.evidence.sha256] : [];
  for (const file of r.files ?? []) hashes.push(file.sha256);
  return hashes;
}

/** Every file hash the live reports refer to, without repeats. */
export function referencedHashes(live: Pick<LiveReportRow, 'evidence' | 'files'>[]): string[] {
  return [...new Set(live.flatMap(fileHashesOf))];
}

/** What a material's custody log must record, from the rows the engine read in its transaction. */
export function custodyFactsOf(rows: {
  materialId: string;
  live: LiveReportRow[];
  stored: { sha256: string; mime: EvidenceFileMime; bytes: number; createdAt: string }[];
  stamps: {
    sha256: string;
    genTime: string | null;
    tokenSha256: string | null;
    tsaUrl: string | null;
  }[];
  decisions: {
    id: number;
    fromStatus: ReviewStatus;
    toStatus: ReviewStatus;
    byUserId: string | null;
    at: string;
    comment: string;
  }[];
}): CustodyFacts {
  return {
    materialId: rows.materialId,
    reports: rows.live.map((r) => ({
      id: r.id,
      version: r.version,
      userId: r.userId,
      url: r.url,
      updatedAt: r.updatedAt,
      files: fileHashesOf(r),
    })),
    evidence: rows.stored.map((e) => ({
      sha256: e.sha256,
      mime: e.mime,
      bytes: e.bytes,
      createdAt: e.createdAt,
    })),
    stamps: rows.stamps.map((s) => ({
      sha256: s.sha256,
      genTime: s.genTime ?? '',
      tokenSha256: s.tokenSha256 ?? '',
      tsaUrl: s.tsaUrl,
    })),
    decisions: rows.decisions.map((d) => ({
      id: d.id,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      byUserId: d.byUserId,
      at: d.at,
      comment: d.comment,
    })),
  };
}

/** Rows grouped by `key`, each group in the order the rows came. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

type FactRows = Parameters<typeof custodyFactsOf>[0];

/**
 * Each material's custody facts from rows read for many materials at once: the live reports in
 * each material's order, and the evidence, stamps and decisions of all of them.
 */
export function custodyFactsByMaterial(rows: {
  materialIds: string[];
  live: (LiveReportRow & { materialId: string })[];
  stored: FactRows['stored'];
  stamps: FactRows['stamps'];
  decisions: (FactRows['decisions'][number] & { materialId: string })[];
}): Map<string, CustodyFacts> {
  const reportsOf = groupBy(rows.live, (r) => r.materialId);
  const stored = new Map(rows.stored.map((e) => [e.sha256, e] as const));
  const stamps = new Map(rows.stamps.map((s) => [s.sha256, s] as const));
  const decisionsOf = groupBy(rows.decisions, (d) => d.materialId);
  const facts = new Map<string, CustodyFacts>();
  for (const materialId of rows.materialIds) {
    const live = reportsOf.get(materialId) ?? [];
    // Each file once, in hash order: the order the rows came in when read by `sha256 IN (…)`,
    // which decides between files received at the same moment.
    const files = referencedHashes(live).sort();
    const present = <T>(found: Map<string, T>) =>
      files.flatMap((sha) => (found.has(sha) ? [found.get(sha)!] : []));
    facts.set(
      materialId,
      custodyFactsOf({
        materialId,
        live,
        stored: present(stored),
        stamps: present(stamps),
        decisions: decisionsOf.get(materialId) ?? [],
      }),
    );
  }
  return facts;
}

/** Each material's evidence hashes, in report order without repeats. */
export function hashesByMaterial(
  rows: (Pick<LiveReportRow, 'evidence' | 'files'> & { materialId: string })[],
): Map<string, string[]> {
  const hashes = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = hashes.get(row.materialId) ?? new Set<string>();
    for (const sha of fileHashesOf(row)) set.add(sha);
    hashes.set(row.materialId, set);
  }
  return new Map([...hashes].map(([id, set]) => [id, [...set]]));
}

/** A custody event to append, as the log's table holds it. */
export type CustodyAppend = {
  materialId: string;
  seq: number;
  type: string;
  at: string;
  hash: string;
  event: string;
};

/** What `seal` makes of each material's log (rows grouped by material) and facts, in `ids`' order. */
export function sealedAppends(
  ids: string[],
  logs: Map<string, (CustodyLogRow & { materialId: string })[]>,
  facts: Map<string, CustodyFacts>,
  seal: (log: CustodyLogRow[], facts: CustodyFacts) => SealedCustodyEvent[],
): CustodyAppend[] {
  return ids.flatMap((materialId) => {
    const log = (logs.get(materialId) ?? []).map(({ seq, hash, event }) => ({ seq, hash, event }));
    return seal(log, facts.get(materialId)!).map((event) => ({
      materialId,
      seq: event.seq,
      type: event.type,
      at: event.at,
      hash: event.hash,
      event: JSON.stringify(event),
    }));
  });
}
