import { type Context, Hono } from 'hono';
import { materialParamsSchema } from '#shared/schemas/review';
import {
  bulkDecisionRequestSchema,
  claimRequestSchema,
  nextQuerySchema,
  releaseRequestSchema,
  savedFilterRequestSchema,
} from '#shared/schemas/triage';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { decideInBulk } from './bulk-decision-service';
import { changeClaim, nextMaterial } from './claim-service';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters';
import './triage-api-docs';

function idOf(c: Context, name = 'id'): string {
  const parsed = materialParamsSchema.safeParse({ id: c.req.param(name) });
  if (!parsed.success) throw new ApiError('not_found', 'Not found.');
  return parsed.data.id;
}

/**
 * Triage at scale (mounted at /api/materials before the single-material routes): claims and
 * assignments, "next", bulk decisions and saved filters.
 */
export function triageRoutes(deps: AppDeps) {
  const { storage } = deps;
  const reviewers = [requireUser(deps), requireRole('reviewer', 'admin')] as const;
  const actor = (c: Context<AppEnv>) => ({
    byUserId: c.get('user').id,
    byAdmin: c.get('user').role === 'admin',
    at: deps.now(),
    ip: clientAddress(c),
  });
  return new Hono<AppEnv>()
    .get('/next', ...reviewers, async (c) => {
      const query = parseQuery(c, nextQuerySchema);
      return c.json({ material: await nextMaterial(storage, query, c.get('user').id) });
    })
    .post('/decisions', ...reviewers, requireConsent(deps), async (c) => {
      const body = await parseJson(c, bulkDecisionRequestSchema);
      return c.json(await decideInBulk(storage, { ...body, ...actor(c) }));
    })
    .get('/filters', ...reviewers, async (c) =>
      c.json({ filters: await listSavedFilters(storage, c.get('user').id) }),
    )
    .post('/filters', ...reviewers, async (c) => {
      const body = await parseJson(c, savedFilterRequestSchema);
      return c.json(await saveFilter(storage, c.get('user').id, body, deps.now()), 201);
    })
    .delete('/filters/:filterId', ...reviewers, async (c) => {
      await deleteSavedFilter(storage, c.get('user').id, idOf(c, 'filterId'));
      return c.body(null, 204);
    })
    .post('/:id/claim', ...reviewers, async (c) => {
      const body = await parseJson(c, claimRequestSchema);
      const by = actor(c);
      const claim = await changeClaim(storage, {
        ...by,
        materialId: idOf(c),
        userId: body.userId ?? by.byUserId,
        expectedVersion: body.expectedVersion,
      });
      return c.json({ claim });
    })
    .post('/:id/release', ...reviewers, async (c) => {
      const body = await parseJson(c, releaseRequestSchema);
      const claim = await changeClaim(storage, {
        ...actor(c),
        materialId: idOf(c),
        userId: null,
        expectedVersion: body.expectedVersion,
      });
      return c.json({ claim });
    });
}
