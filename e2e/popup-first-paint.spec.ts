import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/browser';
import { popupGraph } from './support/popup-graph';

// Dexie's own error names, present in its code however it is minified.
const DEXIE_MARK = 'DatabaseClosedError';

test("the popup's first paint loads no Dexie: it reads IndexedDB itself (targets.md P4)", async () => {
  const { firstPaint, lazy } = await popupGraph(EXTENSION_DIR);
  const withDexie = (files: Set<string>) =>
    [...files].filter((file) =>
      readFileSync(join(EXTENSION_DIR, file), 'utf8').includes(DEXIE_MARK),
    );
  expect(firstPaint.size).toBeGreaterThan(0);
  expect(withDexie(firstPaint)).toEqual([]);
  // It is there, loaded once the form is painted.
  expect(withDexie(lazy)).toHaveLength(1);
});
