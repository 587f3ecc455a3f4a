import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from './support/browser';
import { ensureChromium } from './support/chromium';

/** Browser tests need Chromium and the built extension; say so plainly when either is missing. */
export default function globalSetup() {
  ensureChromium();
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      'The extension is not built: run `npm run build:chrome` (npm test does it for you).',
    );
  }
}
