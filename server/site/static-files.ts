import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';

const stylesheet = readFileSync(join(import.meta.dirname, 'static', 'site.css'));
const version = createHash('sha256').update(stylesheet).digest('hex').slice(0, 12);

/** The stylesheet's address; it changes with the file, so browsers may keep it for long. */
export const STYLESHEET_URL = `/static/site.css?v=${version}`;

/** The site's static files (one stylesheet: the pages need no script). */
export function staticFiles() {
  return new Hono().get('/static/site.css', (c) =>
    c.body(new Uint8Array(stylesheet), 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=31536000, immutable',
    }),
  );
}
