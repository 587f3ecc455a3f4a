import { Hono } from 'hono';
import type { AppEnv } from '../../http/env';
import { buildOpenApiDocument } from './document';
import { describedRoutes } from './registry';
import './api-docs';

/** Serves the OpenAPI document (mounted at /api); built once, on first request, when every feature is loaded. */
export function openApiRoutes() {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  return new Hono<AppEnv>().get('/openapi.json', (c) => {
    document ??= buildOpenApiDocument(describedRoutes());
    return c.json(document);
  });
}
