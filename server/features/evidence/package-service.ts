import { zipSync } from 'fflate';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { catchUpCustody } from './custody-service';
import { evidenceExtension } from './evidence-content';
import { evidencePath, readIfPresent, sha256Hex, timestampPath } from './evidence-files';
import { packageReadme } from './package-readme';
import { trustedTsaCertificates } from './tsa-client';

type PackageDeps = Pick<AppDeps, 'storage' | 'config'>;

const CHAIN_PATH = 'timestamps/tsa-chain.pem';
const encoder = new TextEncoder();

/**
 * The evidence package of a material as api.md lays it out (application/zip). Making it is a
 * custody event, recorded first so that the package's own log shows it.
 */
export async function evidencePackage(
  deps: PackageDeps,
  materialId: string,
  actor: { id: string; via: 'api' | 'console' },
  at: Date,
): Promise<{ zip: Uint8Array; filename: string }> {
  const { storage } = deps;
  const { dataDir } = storage;
  const { certificateToPem, tokenCertificates } = await import('./timestamp-token');
  const material = await storage.evidence.materialById(materialId);
  if (!material) throw new ApiError('not_found', 'No such material.');
  const generatedAt = at.toISOString();
  await catchUpCustody(storage, materialId, at, [
    {
      type: 'package_exported',
      at: generatedAt,
      material: materialId,
      by: actor.id,
      via: actor.via,
    },
  ]);

  const listed = [
    ...new Set((await storage.evidence.filesOfMaterial(materialId)).map((f) => f.sha256)),
  ];
  const stored = await storage.evidence.evidenceRows(listed);
  const stamps = new Map(
    (await storage.evidence.timestampRows(listed)).map((row) => [row.sha256, row]),
  );
  const entries = new Map<string, Uint8Array>();
  const timestamps: { sha256: string; token: string | null }[] = [];
  const certificates = new Map<string, string>();
  const readmeFiles: { path: string; token: string | null }[] = [];
  for (const row of stored) {
    const data = await readIfPresent(evidencePath(dataDir, row.sha256));
    if (!data) continue;
    const path = `evidence/${row.sha256}.${evidenceExtension(row.mime)}`;
    entries.set(path, data);
    const token = stamps.get(row.sha256)?.tokenSha256
      ? await readIfPresent(timestampPath(dataDir, row.sha256))
      : undefined;
    const tokenPath = token ? `timestamps/${row.sha256}.tsr` : null;
    if (token && tokenPath) {
      entries.set(tokenPath, token);
      for (const cert of tokenCertificates(token)) {
        const pem = certificateToPem(cert);
        certificates.set(pem, pem);
      }
    }
    timestamps.push({ sha256: row.sha256, token: tokenPath });
    readmeFiles.push({ path, token: tokenPath });
  }
  // The operator's trust anchors and whatever certificates the tokens carry.
  const trust = await trustedTsaCertificates(deps.config.tsa?.caFile);
  const chain = [trust.pem.trim(), ...certificates.values()].filter(Boolean).join('\n');
  if (chain) entries.set(CHAIN_PATH, encoder.encode(`${chain.trim()}\n`));

  const log = await storage.evidence.custodyLog(materialId);
  entries.set('custody.jsonl', encoder.encode(log.map((row) => `${row.event}\n`).join('')));
  entries.set(
    'README.html',
    encoder.encode(
      packageReadme({
        material: { id: material.id, url: material.url, status: material.status },
        generatedAt,
        files: readmeFiles,
        chainPath: chain ? CHAIN_PATH : null,
      }),
    ),
  );
  // Evidence files are listed under the hash they were received with: a changed file fails.
  const sums = [...entries].map(([path, data]) => {
    const named = /^evidence\/([0-9a-f]{64})\./.exec(path)?.[1];
    return `${named ?? sha256Hex(data)}  ${path}\n`;
  });
  entries.set('SHA256SUMS', encoder.encode(sums.join('')));

  const manifest = {
    material: {
      id: material.id,
      url: material.url,
      urlKey: material.urlKey,
      status: material.status,
    },
    generatedAt,
    files: [...entries].map(([path, data]) => ({
      path,
      sha256: /^evidence\/([0-9a-f]{64})\./.exec(path)?.[1] ?? sha256Hex(data),
      bytes: data.byteLength,
    })),
    timestamps: timestamps.map((t) => ({
      evidence: t.sha256,
      token: t.token,
      state: t.token ? 'stamped' : deps.config.tsa ? 'pending' : 'not_configured',
    })),
    tsaCertificateChain: chain ? CHAIN_PATH : null,
  };
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`), { mtime: at }],
  };
  for (const [path, data] of entries) files[path] = [data, { mtime: at }];
  return {
    zip: zipSync(files, { level: 6 }),
    filename: `evidence-${material.id}-${generatedAt.slice(0, 10)}.zip`,
  };
}
