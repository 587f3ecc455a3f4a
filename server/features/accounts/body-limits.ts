import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DOCUMENT_LIMITS } from '#shared/schemas/documents';
import { LIMITS } from '#shared/schemas/report';
import { ApiError } from '../../http/errors';

// Room for the form's text fields and part headers around the files.
const FORM_OVERHEAD = 1024 * 1024;

/**
 * Body limits of the upload routes, which need more than the app's default limit; a path ending
 * in `/` covers the paths under it (the evidence route then applies its limit by media type).
 */
export const UPLOAD_BODY_LIMITS: Readonly<Record<string, number>> = {
  '/api/evidence/': LIMITS.pageCopyBytes,
  '/api/auth/register':
    DOCUMENT_LIMITS.maxRegistrationFiles * DOCUMENT_LIMITS.maxBytes + FORM_OVERHEAD,
  '/api/me/documents': DOCUMENT_LIMITS.maxBytes + FORM_OVERHEAD,
};

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', 'The request body is too large.');
    },
  });

/** Limits request bodies: `byPath` for the exact paths it names, `defaultSize` for the rest. */
export function bodyLimitByPath(
  defaultSize: number,
  byPath: Readonly<Record<string, number>> = UPLOAD_BODY_LIMITS,
): MiddlewareHandler {
  const fallback = limitBody(defaultSize);
  const limits = new Map(Object.entries(byPath).map(([path, size]) => [path, limitBody(size)]));
  const prefixes = [...limits].filter(([path]) => path.endsWith('/'));
  const limitOf = (path: string) =>
    limits.get(path) ?? prefixes.find(([prefix]) => path.startsWith(prefix))?.[1] ?? fallback;
  return (c, next) => limitOf(c.req.path)(c, next);
}
