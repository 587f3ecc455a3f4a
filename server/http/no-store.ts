import { createMiddleware } from 'hono/factory';

/**
 * Keeps answers out of every cache unless the route chose otherwise: answers carry personal data
 * (accounts, reports, evidence, documents) more often than not, and a shared or disk cache must
 * not hold them. Only answers that set their own Cache-Control (the site's static files) differ.
 */
export function noStoreByDefault() {
  return createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
}
