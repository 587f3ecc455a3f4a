import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReviewStatus } from '#shared/review-status';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { openStorage } from '../../server/db/open';
import { newMaterialId } from '../../server/features/materials/material-ids';
import { registrableDomain } from '../../server/features/relations/registrable-domain';
import { seedAccounts } from '../../server/testing/seed';
import { seededRandom } from './random';
import { realisticReports } from './realistic-reports';

/**
 * Databases of many reports, written straight through the schema with bulk inserts (no HTTP, no
 * rules) and kept in the cache folder between runs: the key holds the size, this generator's
 * version and a hash of the migrations, so a schema change builds them again.
 */

const GENERATOR_VERSION = 3;
const ANALYSTS = 200;
const MIGRATIONS = resolve(import.meta.dirname, '../../server/db/migrations');
// Most materials stay submitted; reviewed ones spread over the later statuses.
const STATUSES: readonly ReviewStatus[] = [
  ...Array<ReviewStatus>(14).fill('submitted'),
  'under_review',
  'under_review',
  'confirmed',
  'rejected',
  'duplicate',
  'sent_for_blocking',
  'blocked',
];

/**
 * The size of the one cached database a quick run's measures share (P2, P8, P11): small enough
 * that PostgreSQL's copy of it stays short.
 */
export const QUICK_REPORTS = 50_000;

export type BigDatabase = {
  /** The folder holding webtagger.sqlite; copy it before writing to it. */
  dir: string;
  reports: number;
  /** The analyst with the most reports (analysts' shares follow a Zipf law). */
  heaviestAnalyst: string;
  analysts: string[];
};

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(MIGRATIONS, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The cached database of `reports` reports, built first if missing. */
export async function bigDatabase(
  cacheDir: string,
  reports: number,
  progress: (m: string) => void,
): Promise<BigDatabase> {
  const dir = join(cacheDir, `reports-${reports}-v${GENERATOR_VERSION}-${migrationsHash()}`);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile)) return { dir, ...JSON.parse(readFileSync(metaFile, 'utf8')) };
  for (const stale of readdirSync(cacheDir).filter((f) => f.startsWith(`reports-${reports}-`))) {
    rmSync(join(cacheDir, stale), { recursive: true, force: true });
  }
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  const meta = await generate(building, reports, progress);
  writeFileSync(join(building, 'meta.json'), JSON.stringify(meta));
  renameSync(building, dir);
  return { dir, ...meta };
}

/** Copies a database folder to a place where it may be written to. */
export function copyDatabase(from: string, to: string): void {
  cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith('meta.json') });
}

async function generate(dir: string, total: number, progress: (m: string) => void) {
  const began = performance.now();
  const storage = openStorage(dir);
  const analysts = (await seedAccounts(storage, ANALYSTS, new Date('2026-01-01T00:00:00Z'))).map(
    (a) => a.id,
  );
  const { sqlite } = storage;
  // Nothing reads this database while it is built: no journal, no syncing, a large cache.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  const insertMaterial = sqlite.prepare(`INSERT INTO materials
    (id, url_key, url_key_hash, seq, status, version, url, title, created_at, updated_at,
      registrable_domain)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertReport = sqlite.prepare(`INSERT INTO reports (id, user_id, material_id, url_key, url,
    title, source, resource_type, languages, geography, country, region, openness, availability,
    topics, note, captured_at, version, created_at, updated_at, deleted_at, change_seq)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertApplied = sqlite.prepare(`INSERT INTO applied_mutations
    (id, user_id, report_id, result, applied_at) VALUES (?, ?, ?, ?, ?)`);

  const r = seededRandom(total);
  const stream = realisticReports(r, Math.ceil(total * 0.7));
  // Zipf weights: analyst k makes a share proportional to 1/(k+1).
  const cumulative: number[] = [];
  for (let k = 0; k < analysts.length; k++) cumulative.push((cumulative.at(-1) ?? 0) + 1 / (k + 1));
  const weightTotal = cumulative.at(-1)!;
  const pickAnalyst = () => {
    const x = r.next() * weightTotal;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < x) low = mid + 1;
      else high = mid;
    }
    return analysts[low]!;
  };
  const materials = new Map<string, string>();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const span = 320 * 86_400_000;
  let seq = 0;
  const writeChunk = sqlite.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      seq++;
      const report = stream.next();
      const userId = pickAnalyst();
      const at = new Date(start + Math.floor((seq / total) * span)).toISOString();
      const urlKey = canonicalUrl(report.url);
      let materialId = materials.get(urlKey);
      if (!materialId) {
        materialId = newMaterialId(Date.parse(at));
        materials.set(urlKey, materialId);
        const status = r.pick(STATUSES);
        insertMaterial.run(
          materialId,
          urlKey,
          urlKeyHash(urlKey),
          seq,
          status,
          status === 'submitted' ? 1 : 3,
          report.url,
          report.title,
          at,
          at,
          // As the server keeps it; without it every server start would fill it in first.
          registrableDomain(report.url) ?? '',
        );
      }
      // A few reports were edited since, a few deleted (tombstones keep no note).
      const roll = r.next();
      const deleted = roll < 0.02;
      const version = roll < 0.08 ? 2 : 1;
      const g = report.geography;
      insertReport.run(
        report.id,
        userId,
        materialId,
        urlKey,
        report.url,
        report.title,
        report.source,
        report.resourceType,
        JSON.stringify(report.languages),
        JSON.stringify(g),
        g.indicated ? g.country : null,
        g.indicated ? (g.region ?? null) : null,
        report.openness,
        report.availability,
        JSON.stringify(report.topics),
        deleted ? '' : report.note,
        report.capturedAt,
        version,
        at,
        at,
        deleted ? at : null,
        seq,
      );
      insertApplied.run(r.uuid(), userId, report.id, `{"op":"upsert","version":${version}}`, at);
    }
  });
  const chunk = 50_000;
  for (let done = 0; done < total; done += chunk) {
    writeChunk(Math.min(chunk, total - done));
    if (total >= 200_000)
      progress(`generated ${Math.min(done + chunk, total)} of ${total} reports`);
  }
  sqlite
    .prepare(`INSERT INTO sync_counters (name, value) VALUES ('change', ?)
    ON CONFLICT (name) DO UPDATE SET value = excluded.value`)
    .run(seq);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('ANALYZE');
  const counts = sqlite
    .prepare(
      'SELECT user_id AS id, count(*) AS n FROM reports GROUP BY user_id ORDER BY n DESC LIMIT 1',
    )
    .get() as { id: string; n: number };
  storage.close();
  progress(
    `built a database of ${total} reports (${materials.size} materials) in ${((performance.now() - began) / 1000).toFixed(0)} s`,
  );
  return { reports: total, heaviestAnalyst: counts.id, analysts };
}
