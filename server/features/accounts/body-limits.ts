import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DOCUMENT_LIMITS } from '#shared/schemas/documents';
import { ApiError } from '../../http/errors';

// Room for the form's text fields and part headers around the files.
const FORM_OVERHEAD = 1024 * 1024;

/** Body limits of the upload routes, which need more than the app's default limit. */
export const UPLOAD_BODY_LIMITS: Readonly<Record<string, number>> = {
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
  return (c, next) => (limits.get(c.req.path) ?? fallback)(c, next);
}
