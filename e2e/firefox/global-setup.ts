import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFirefox, FIREFOX_EXTENSION_DIR } from '../support/firefox';

/** The Firefox tests need Firefox and the Firefox build; say so plainly when either is missing. */
export default function globalSetup() {
  ensureFirefox();
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      'The Firefox build is missing: run `npm run build:firefox` (npm test does it for you).',
    );
  }
}
