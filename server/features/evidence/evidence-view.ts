import type { TimestampStatus } from '#shared/schemas/evidence';
import type { Evidence, EvidenceFile, EvidenceFileMime } from '#shared/schemas/report';
import type { EvidenceItem } from '#shared/schemas/review';
import type { Storage } from '../../storage';
import type { EvidenceTimestampRow } from '../../storage/evidence-store';
import { evidenceExtension, isPageCopy } from './evidence-content';

/** Where a file's time-stamp stands, from its row (if any) and whether an authority is set. */
export function timestampStatus(
  row: EvidenceTimestampRow | undefined,
  tsaConfigured: boolean,
): TimestampStatus {
  const stamped = row?.tokenSha256 && row.genTime;
  return {
    state: stamped ? 'stamped' : tsaConfigured ? 'pending' : 'not_configured',
    genTime: stamped ? (row.genTime ?? null) : null,
    attempts: row?.attempts ?? 0,
    lastError: stamped ? null : (row?.lastError ?? null),
  };
}

/** The files the reports list (the single `evidence` counts as a screenshot), once each. */
export function filesOfReports(
  live: { id: string; evidence: Evidence | null; files: EvidenceFile[] | null }[],
): Map<
  string,
  { file: Pick<EvidenceFile, 'sha256' | 'mime' | 'bytes' | 'kind'>; reportIds: string[] }
> {
  const byHash = new Map<
    string,
    { file: Pick<EvidenceFile, 'sha256' | 'mime' | 'bytes' | 'kind'>; reportIds: string[] }
  >();
  for (const report of live) {
    const listed = [
      ...(report.evidence ? [{ ...report.evidence, kind: 'screenshot' as const }] : []),
      ...(report.files ?? []),
    ];
    for (const file of listed) {
      const entry = byHash.get(file.sha256) ?? {
        file: { sha256: file.sha256, mime: file.mime, bytes: file.bytes, kind: file.kind },
        reportIds: [],
      };
      if (!entry.reportIds.includes(report.id)) entry.reportIds.push(report.id);
      byHash.set(file.sha256, entry);
    }
  }
  return byHash;
}

/** The evidence of these live reports as reviewers see it: stored or not, time-stamped or not. */
export async function evidenceItems(
  storage: Pick<Storage, 'evidence'>,
  live: { id: string; evidence: Evidence | null; files: EvidenceFile[] | null }[],
  tsaConfigured: boolean,
): Promise<EvidenceItem[]> {
  const byHash = filesOfReports(live);
  const shas = [...byHash.keys()];
  const stored = new Map(
    (await storage.evidence.evidenceRows(shas)).map((row) => [row.sha256, row]),
  );
  const stamps = new Map(
    (await storage.evidence.timestampRows(shas)).map((row) => [row.sha256, row]),
  );
  return [...byHash.values()].map(({ file, reportIds }) => {
    const row = stored.get(file.sha256);
    return {
      ...file,
      // What the server verified wins over what the report says.
      ...(row ? { mime: row.mime, bytes: row.bytes } : {}),
      uploaded: row !== undefined,
      reportIds,
      timestamp: timestampStatus(stamps.get(file.sha256), tsaConfigured),
    };
  });
}

/**
 * Response headers for an evidence file. Images show inline; a page copy is only ever a download
 * (`view: false`) or, for an HTML copy, a sandboxed document with no scripts, no plugins, no
 * forms and an opaque origin (`view: true`) — never active content in the site's origin.
 */
export function evidenceHeaders(
  sha256: string,
  mime: EvidenceFileMime,
  options: { view: boolean },
): Record<string, string> {
  const common = {
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const name = `${sha256}.${evidenceExtension(mime)}`;
  if (!isPageCopy(mime)) {
    return {
      ...common,
      'Content-Type': mime,
      'Content-Disposition': `inline; filename="${name}"`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
    };
  }
  if (options.view && mime === 'text/html') {
    return {
      ...common,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Disposition': `inline; filename="${name}"`,
      // The copy's own images and styles are inline (data: URLs); nothing may run or load.
      'Content-Security-Policy':
        "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; media-src data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'",
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'no-referrer',
    };
  }
  return {
    ...common,
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}
