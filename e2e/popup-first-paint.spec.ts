import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/browser';
import { popupGraph } from './support/popup-graph';

// Names Dexie and zod give their own errors, present in their code however it is minified.
const DEXIE_MARK = 'DatabaseClosedError';
const ZOD_MARK = '$ZodError';

// The first-paint rule of ARCHITECTURE.md (targets.md P4, P7).
test("the popup's first paint loads neither Dexie nor zod: it reads IndexedDB itself", async () => {
  const { firstPaint, lazy } = await popupGraph(EXTENSION_DIR);
  const containing = (mark: string, files: Set<string>) =>
    [...files].filter((file) => readFileSync(join(EXTENSION_DIR, file), 'utf8').includes(mark));
  expect(firstPaint.size).toBeGreaterThan(0);
  expect(containing(DEXIE_MARK, firstPaint)).toEqual([]);
  expect(containing(ZOD_MARK, firstPaint)).toEqual([]);
  // Both are there, each loaded once the form is painted.
  expect(containing(DEXIE_MARK, lazy)).toHaveLength(1);
  expect(containing(ZOD_MARK, lazy)).toHaveLength(1);
});
