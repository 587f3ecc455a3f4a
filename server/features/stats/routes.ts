import { Hono } from 'hono';
import { statsQuerySchema } from '#shared/schemas/stats';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseQuery } from '../../http/validate';
import { requireRole, requireUser } from '../auth/require-user';
import { reportStats } from './stats-service';
import './api-docs';

/** Statistics for reviewers and admins (mounted at /api/stats). */
export function statsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get(
    '/',
    requireUser(deps),
    requireRole('reviewer', 'admin'),
    async (c) => c.json(await reportStats(deps.storage, parseQuery(c, statsQuerySchema))),
  );
}
