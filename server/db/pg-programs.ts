import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian's `postgresql` packages put each major version's programs: `<root>/<major>/bin`. */
export const DEBIAN_PG_ROOT = '/usr/lib/postgresql';

/** The `bin` folder of the newest PostgreSQL under Debian's layout that has `program`, if any. */
export function newestDebianPgBin(program: string, root = DEBIAN_PG_ROOT): string | undefined {
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', program)))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

/**
 * A PostgreSQL program (`pg_dump`, `pg_restore`): the newest of Debian's versioned binaries,
 * as the test cluster finds its server (a newer `pg_dump` reads older servers, not the other way
 * round), else the one on PATH; `undefined` when there is neither.
 */
export function findPgProgram(
  program: string,
  where: { root?: string; path?: string } = {},
): string | undefined {
  const debian = newestDebianPgBin(program, where.root);
  if (debian !== undefined) return join(debian, program);
  for (const dir of (where.path ?? process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}
