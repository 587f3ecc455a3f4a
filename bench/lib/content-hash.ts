import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The repository's root: the paths below are given relative to it. */
export const ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/**
 * A short hash of what a cached result was made from: every file under `paths` (files or folders,
 * relative to the repository's root; names and contents), after `extra` (settings that also shape
 * it). A change to any of them names a new cache entry.
 */
export function contentHash(paths: readonly string[], extra = ''): string {
  const hash = createHash('sha256');
  if (extra) hash.update(`${extra}\0`);
  const files = paths.flatMap((path) => filesUnder(join(ROOT, path))).sort();
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
