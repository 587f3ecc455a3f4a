import { Hono } from 'hono';
import { followThroughQuerySchema } from '#shared/schemas/follow-through';
import { statsQuerySchema } from '#shared/schemas/stats';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseQuery } from '../../http/validate';
import { requireRole, requireUser } from '../auth/require-user';
import { followThroughStats } from './follow-through-service';
import { reportStats } from './stats-service';
import './api-docs';

/** Statistics for reviewers and admins (mounted at /api/stats). */
export function statsRoutes(deps: AppDeps) {
  const reviewers = [requireUser(deps), requireRole('reviewer', 'admin')] as const;
  return new Hono<AppEnv>()
    .get('/', ...reviewers, async (c) =>
      c.json(await reportStats(deps.storage, parseQuery(c, statsQuerySchema))),
    )
    .get('/follow-through', ...reviewers, async (c) =>
      c.json(
        await followThroughStats(deps.storage, parseQuery(c, followThroughQuerySchema), deps.now()),
      ),
    );
}
