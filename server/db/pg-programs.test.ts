import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPgProgram } from './pg-programs';

describe('findPgProgram', () => {
  it("takes the newest of Debian's binaries, else PATH, else none", () => {
    const installed = findPgProgram('pg_dump');
    expect(installed).toMatch(/\/pg_dump$/);
    expect(existsSync(installed!)).toBe(true);
    const empty = mkdtempSync(join(tmpdir(), 'webtagger-no-pg-'));
    try {
      const nowhere = { root: join(empty, 'absent'), path: empty };
      expect(findPgProgram('pg_dump', nowhere)).toBeUndefined();
      const onPath = { root: join(empty, 'absent'), path: `${empty}:${dirname(installed!)}` };
      expect(findPgProgram('pg_dump', onPath)).toBe(installed);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
