import { Hono } from 'hono';
import { knownUrlsQuerySchema } from '#shared/schemas/sync';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseQuery } from '../../http/validate';
import './api-docs';
import { requireRole, requireUser } from '../auth/require-user';
import { decodeCursor, encodeCursor } from './cursor';
import { knownUrlHashes } from './known-urls-service';

/**
 * The URL key hashes of every material, for the extension's local already-reported badge
 * (mounted at /api/known-urls). Pages follow creation order, so a client that keeps its cursor
 * later fetches only the new ones. Like the rest of sync it is the analysts' (api.md); reading
 * needs no consent.
 */
export function knownUrlsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', requireUser(deps), requireRole('analyst'), async (c) => {
    const query = parseQuery(c, knownUrlsQuerySchema);
    const page = await knownUrlHashes(deps.storage, decodeCursor(query.cursor));
    return c.json({
      hashes: page.hashes,
      cursor: encodeCursor(page.lastSeq),
      hasMore: page.hasMore,
    });
  });
}
