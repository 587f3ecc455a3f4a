import { type Context, Hono } from 'hono';
import { materialParamsSchema } from '#shared/schemas/review';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { recheckHistory, recheckMaterial } from './recheck-service';
import './api-docs';

function materialId(c: Context): string {
  const parsed = materialParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new ApiError('not_found', 'No such material.');
  return parsed.data.id;
}

/** Re-checks of a material's reachability (mounted at /api/materials; reviewers and admins). */
export function recheckRoutes(deps: AppDeps) {
  const reviewers = [requireUser(deps), requireRole('reviewer', 'admin')] as const;
  const recheck = {
    storage: deps.storage,
    engine: deps.recheck,
    intervals: deps.config.recheck.intervals,
    now: deps.now,
  };
  return new Hono<AppEnv>()
    .post('/:id/recheck', ...reviewers, requireConsent(deps), async (c) =>
      c.json({ check: await recheckMaterial(recheck, materialId(c), c.get('user').id) }),
    )
    .get('/:id/rechecks', ...reviewers, async (c) =>
      c.json({ checks: await recheckHistory(deps.storage, materialId(c)) }),
    );
}
