import { type Context, Hono } from 'hono';
import { blockingListQuerySchema } from '#shared/schemas/blocking-list';
import { evidenceParamsSchema } from '#shared/schemas/evidence';
import {
  decisionRequestSchema,
  materialParamsSchema,
  materialsQuerySchema,
} from '#shared/schemas/review';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { recordCustody, recordViewed } from '../evidence/custody-service';
import { evidenceFile } from '../evidence/evidence-service';
import { evidenceHeaders, evidenceItems } from '../evidence/evidence-view';
import { evidencePackage } from '../evidence/package-service';
import { materialRelations } from '../relations/material-relations';
import { exportBlockingList } from './blocking-export';
import { decideMaterial } from './decision-service';
import { materialDetail } from './material-detail';
import { listMaterials } from './materials-list';
import './api-docs';

/** The `:id` of the path; an id that is no UUID names no material. */
function materialId(c: Context): string {
  const parsed = materialParamsSchema.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw new ApiError('not_found', 'No such material.');
  return parsed.data.id;
}

const reviewersOnly = (deps: AppDeps) =>
  [requireUser(deps), requireRole('reviewer', 'admin')] as const;

/** The review queue, decisions and the blocking list (mounted at /api/materials). */
export function reviewRoutes(deps: AppDeps) {
  const { storage } = deps;
  const reviewers = reviewersOnly(deps);
  const exportBlocking = async (c: Context<AppEnv>, format: 'csv' | 'json') => {
    const actor = { userId: c.get('user').id, ip: clientAddress(c) };
    const query = parseQuery(c, blockingListQuerySchema);
    const { body, headers } = await exportBlockingList(storage, actor, deps.now(), query, format);
    return c.body(body, 200, headers);
  };
  return new Hono<AppEnv>()
    .get('/', ...reviewers, async (c) =>
      c.json(await listMaterials(storage, parseQuery(c, materialsQuerySchema))),
    )
    .get('/export/blocking.csv', ...reviewers, (c) => exportBlocking(c, 'csv'))
    .get('/export/blocking.json', ...reviewers, (c) => exportBlocking(c, 'json'))
    .get('/:id', ...reviewers, async (c) => {
      const id = materialId(c);
      const detail = await materialDetail(storage, id, {
        evidenceOf: (live) => evidenceItems(storage, live, !!deps.config.tsa),
      });
      await recordViewed(deps.storage, id, { id: c.get('user').id, via: 'api' }, deps.now());
      return c.json(detail);
    })
    .get('/:id/related', ...reviewers, async (c) =>
      c.json(await materialRelations(storage, materialId(c))),
    )
    .get('/:id/evidence-package', ...reviewers, async (c) => {
      const at = deps.now();
      const actor = { id: c.get('user').id, via: 'api' as const };
      const { zip, filename } = await evidencePackage(deps, materialId(c), actor, at);
      return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    })
    .post('/:id/decision', ...reviewers, requireConsent(deps), async (c) => {
      const id = materialId(c);
      const body = await parseJson(c, decisionRequestSchema);
      const material = await decideMaterial(storage, {
        ...body,
        materialId: id,
        byUserId: c.get('user').id,
        at: deps.now(),
        ip: clientAddress(c),
      });
      await recordCustody(deps.storage, id, deps.now());
      return c.json({ material });
    });
}

/**
 * Evidence files for reviewers (mounted at /api/evidence beside the analysts' upload): images
 * inline, page copies only as downloads.
 */
export function reviewEvidenceRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:sha256', ...reviewersOnly(deps), async (c) => {
    const parsed = evidenceParamsSchema.safeParse({ sha256: c.req.param('sha256') });
    if (!parsed.success) {
      throw new ApiError('validation_failed', 'The path must end with a lowercase hex SHA-256.');
    }
    const { mime, data } = await evidenceFile(deps.storage, parsed.data.sha256);
    return c.body(
      new Uint8Array(data),
      200,
      evidenceHeaders(parsed.data.sha256, mime, { view: false }),
    );
  });
}
