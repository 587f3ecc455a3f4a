import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/;
// The sync engine's backoff honours the server's Retry-After.
const EXPOSED_HEADERS = ['Retry-After'];

const allowedOrigin = (origin: string) => (EXTENSION_ORIGIN.test(origin) ? origin : null);

/**
 * The extension calls the API from its own origin with a bearer token (never cookies). Preflights
 * are answered by hono's cors(). On every other request its headers are set on the route's answer
 * once it is made, as cors() would: cors() sets them before the route runs, and an answer made
 * after that is built again — its body copied, then streamed rather than written at once (a
 * push's answer of 500 reports, every time).
 */
export function extensionCors() {
  const preflight = cors({
    origin: allowedOrigin,
    allowHeaders: ['authorization', 'content-type'],
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const origin = allowedOrigin(c.req.header('origin') ?? '');
    if (origin) c.res.headers.set('Access-Control-Allow-Origin', origin);
    c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(','));
    c.res.headers.append('Vary', 'Origin');
  });
}
