import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '#shared/schemas/errors';
import type { Logger } from '../logger';

/** The one error type of the API: a stable code, a human message, optional details. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code] as ContentfulStatusCode;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** A validation_failed error listing each issue's path and message (never the offending value). */
export function validationError(error: ZodError, message = 'The request is not valid.'): ApiError {
  return new ApiError('validation_failed', message, {
    issues: error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
  });
}

/** How long a client is asked to wait when the disk is full. */
const STORAGE_FULL_RETRY_SECONDS = 60;
const DISK_FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/**
 * The storage_full error for a failure of the disk being full (SQLite or the file system), so
 * that it is answered 503 with Retry-After rather than as an internal error. The write it stopped
 * was not made: SQLite rolled its transaction back and files are written aside first.
 */
export function storageFullOf(err: unknown): ApiError | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !DISK_FULL.has(code)) return undefined;
  return new ApiError('storage_full', 'The server has no room to store this. Try again later.', {
    retryAfterSeconds: STORAGE_FULL_RETRY_SECONDS,
  });
}

/** Turns any thrown error into the API's error shape; unknown errors are logged and answered 500. */
export function errorHandler(logger: Logger) {
  return (thrown: Error, c: Context) => {
    const full = storageFullOf(thrown);
    if (full) logger.error('storage full', { method: c.req.method, path: c.req.path });
    const err = full ?? thrown;
    if (err instanceof ApiError) {
      const wait = retryAfterOf(err);
      if (wait) c.header('Retry-After', String(wait));
      return c.json(err.toBody(), err.status);
    }
    if (err instanceof HTTPException) {
      const code = codeForStatus(err.status);
      return c.json(new ApiError(code, err.message || code).toBody(), ERROR_STATUS[code]);
    }
    logger.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.name });
    return c.json(new ApiError('internal_error', 'Internal error.').toBody(), 500);
  };
}

/** The seconds an error tells the client to wait before trying again, if it says so. */
export function retryAfterOf(err: ApiError): number | undefined {
  const details = err.details as { retryAfterSeconds?: unknown } | undefined;
  const wait = details?.retryAfterSeconds;
  return typeof wait === 'number' && wait > 0 ? Math.ceil(wait) : undefined;
}

function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    default:
      return status < 500 ? 'validation_failed' : 'internal_error';
  }
}
