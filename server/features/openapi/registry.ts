import type { z } from 'zod';
import type { ErrorCode } from '#shared/schemas/errors';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch';

export type ResponseDoc = {
  description: string;
  /** A JSON body; absent for empty answers (204) or when `contentType` says otherwise. */
  schema?: z.ZodType;
  /** Non-JSON bodies (file downloads): the media types the answer may have. */
  contentTypes?: readonly string[];
};

export type RequestBodyDoc =
  | { json: z.ZodType }
  | { multipart: z.ZodType }
  /** Raw bytes of one of these media types. */
  | { binary: readonly string[] };

/** What the OpenAPI document says of one route. */
export type RouteDoc = {
  method: HttpMethod;
  /** The full path as Hono mounts it, with `:param` segments: `/api/admin/users/:id/approve`. */
  path: string;
  summary: string;
  tags: readonly string[];
  /** Public routes need no bearer token. */
  access: 'public' | 'bearer';
  query?: z.ZodObject;
  body?: RequestBodyDoc;
  responses: Record<number, ResponseDoc>;
  /** The error codes this route can answer (api.md), beyond a 5xx bug. */
  errors: readonly ErrorCode[];
};

const routes = new Map<string, RouteDoc>();

/**
 * Adds a route to the API document. Each feature calls it at module load in its own
 * `api-docs.ts`, imported by its routes file, so a mounted route is always described.
 */
export function describeRoute(doc: RouteDoc): RouteDoc {
  routes.set(routeKey(doc.method, doc.path), doc);
  return doc;
}

/** Every described route. */
export function describedRoutes(): RouteDoc[] {
  return [...routes.values()];
}

/** The key a route is known by: `POST /api/auth/login`. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}
