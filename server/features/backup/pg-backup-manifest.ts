import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupError } from './backup-service';

export const MANIFEST_FILE = 'manifest.json';

/** The paths a backup may name: the stored files of a data folder, never anything outside it. */
const storedPath = z
  .string()
  .regex(/^(documents|evidence|timestamps)\/[0-9a-zA-Z-]{1,100}(\.tsr)?$/);

/** `manifest.json` of a PostgreSQL deployment's backup: what was taken, when, how large. */
const manifestSchema = z.object({
  format: z.literal('webtagger-backup'),
  engine: z.literal('postgresql'),
  /** When the snapshot was taken (ISO 8601, UTC). */
  createdAt: z.string(),
  database: z.object({
    /** The database's name, without host or credentials. */
    name: z.string(),
    serverVersion: z.string(),
    /** The `pg_dump --format=custom` file, its size and SHA-256 (checked before a restore). */
    file: z.literal('database.dump'),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** Row counts of the main tables in the snapshot (a restore must arrive at the same). */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** The data folder's files the snapshot refers to, copied beside the dump. */
  files: z.array(z.object({ path: storedPath, bytes: z.number().int().nonnegative() })),
  /** Files the snapshot refers to that were gone from the data folder (erased meanwhile). */
  filesMissing: z.number().int().nonnegative(),
});

export type PgBackupManifest = z.infer<typeof manifestSchema>;

export function writeManifest(dir: string, manifest: PgBackupManifest): void {
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** The manifest of a PostgreSQL backup folder; `undefined` when the folder has none. */
export function readManifest(dir: string): PgBackupManifest | undefined {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    json = undefined;
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${path} is not a WebTagger backup manifest.`);
  return parsed.data;
}
