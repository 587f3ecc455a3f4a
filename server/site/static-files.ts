import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';

const read = (name: string) => readFileSync(join(import.meta.dirname, 'static', name));
const versionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

const stylesheet = read('site.css');
/** The only script: keyboard shortcuts of the review pages, which work without it too. */
const reviewKeys = read('review-keys.js');

/** The stylesheet's address; it changes with the file, so browsers may keep it for long. */
export const STYLESHEET_URL = `/static/site.css?v=${versionOf(stylesheet)}`;
/** The review pages' keyboard script (served from here: the CSP allows no inline script). */
export const REVIEW_KEYS_URL = `/static/review-keys.js?v=${versionOf(reviewKeys)}`;

const LONG_LIVED = 'public, max-age=31536000, immutable';

/** The site's static files: one stylesheet and one progressive-enhancement script. */
export function staticFiles() {
  return new Hono()
    .get('/static/site.css', (c) =>
      c.body(new Uint8Array(stylesheet), 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': LONG_LIVED,
      }),
    )
    .get('/static/review-keys.js', (c) =>
      c.body(new Uint8Array(reviewKeys), 200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': LONG_LIVED,
      }),
    );
}
