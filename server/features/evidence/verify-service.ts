import type { AppDeps } from '../../http/env';
import { checkChain } from './custody';
import { evidencePath, readIfPresent, sha256Hex, timestampPath } from './evidence-files';
import { TimestampError } from './timestamp-error';
import { verifyTimestampResponse } from './timestamp-token';
import { trustedTsaCertificates } from './tsa-client';

/** One thing found wrong: what (a file, a token, a material's log) and how. */
export type Finding = {
  kind: 'evidence' | 'timestamp' | 'custody';
  subject: string;
  problem: string;
};

export type VerifyReport = {
  checked: { evidence: number; timestamps: number; custodyLogs: number; custodyEvents: number };
  findings: Finding[];
};

/**
 * Re-checks everything kept as evidence: each stored file hashes to its name and size; each kept
 * token is the one recorded, imprints its file's hash, carries a valid signature of a
 * time-stamping certificate (chained to WEBTAGGER_TSA_CA_FILE when set); each custody log is an
 * unbroken chain. Reads only.
 */
export async function verifyEvidence(
  deps: Pick<AppDeps, 'storage' | 'config'>,
): Promise<VerifyReport> {
  const { storage } = deps;
  const { dataDir } = storage;
  const findings: Finding[] = [];
  const files = await storage.evidence.allEvidence();
  for (const row of files) {
    const data = await readIfPresent(evidencePath(dataDir, row.sha256));
    if (!data) {
      findings.push({ kind: 'evidence', subject: row.sha256, problem: 'the file is missing' });
      continue;
    }
    const actual = sha256Hex(data);
    if (actual !== row.sha256) {
      findings.push({
        kind: 'evidence',
        subject: row.sha256,
        problem: `the file's content hashes to ${actual}`,
      });
    } else if (data.byteLength !== row.bytes) {
      findings.push({
        kind: 'evidence',
        subject: row.sha256,
        problem: `the file has ${data.byteLength} bytes, not ${row.bytes}`,
      });
    }
  }
  const trust = await trustedTsaCertificates(deps.config.tsa?.caFile);
  const stamps = await storage.evidence.stampedTimestamps();
  for (const stamp of stamps) {
    const token = await readIfPresent(timestampPath(dataDir, stamp.sha256));
    const problem = await tokenProblem(
      stamp,
      token,
      await readIfPresent(evidencePath(dataDir, stamp.sha256)),
      trust.certificates,
    );
    if (problem) findings.push({ kind: 'timestamp', subject: stamp.sha256, problem });
  }
  const materials = await storage.evidence.materialsWithCustody();
  let events = 0;
  for (const materialId of materials) {
    const rows = await storage.evidence.custodyLog(materialId);
    events += rows.length;
    for (const { seq, problem } of checkChain(materialId, rows)) {
      findings.push({ kind: 'custody', subject: `${materialId} #${seq}`, problem });
    }
  }
  return {
    checked: {
      evidence: files.length,
      timestamps: stamps.length,
      custodyLogs: materials.length,
      custodyEvents: events,
    },
    findings,
  };
}

async function tokenProblem(
  stamp: { sha256: string; tokenSha256: string | null; genTime: string | null },
  token: Buffer | undefined,
  data: Buffer | undefined,
  trusted: Awaited<ReturnType<typeof trustedTsaCertificates>>['certificates'],
): Promise<string | undefined> {
  if (!token) return 'the token file is missing';
  const actual = sha256Hex(token);
  if (actual !== stamp.tokenSha256)
    return `the token file hashes to ${actual}, not the token recorded`;
  if (!data) return 'the time-stamped file is missing';
  try {
    const verified = await verifyTimestampResponse(token, data, { trusted });
    if (verified.genTime.toISOString() !== stamp.genTime)
      return 'the token states another time than recorded';
    return undefined;
  } catch (err) {
    return err instanceof TimestampError ? err.message : 'the token cannot be read';
  }
}
