import { type Context, Hono } from 'hono';
import { evidenceParamsSchema } from '#shared/schemas/evidence';
import {
  decisionRequestSchema,
  materialParamsSchema,
  materialsQuerySchema,
} from '#shared/schemas/review';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { recordAudit } from '../audit/audit-service';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { blockingCsv, blockingList } from './blocking-export';
import { decideMaterial } from './decision-service';
import { evidenceForReview } from './evidence-view';
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
  const { db } = deps.storage;
  const reviewers = reviewersOnly(deps);
  return new Hono<AppEnv>()
    .get('/', ...reviewers, async (c) =>
      c.json(await listMaterials(deps.storage, parseQuery(c, materialsQuerySchema))),
    )
    .get('/export/blocking.csv', ...reviewers, (c) => {
      const at = deps.now();
      const entries = blockingList(db);
      recordAudit(db, {
        action: 'material.blocking_list_exported',
        at,
        actorUserId: c.get('user').id,
        ip: clientAddress(c),
        details: { materials: entries.length },
      });
      return c.body(blockingCsv(entries), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="blocking-${at.toISOString().slice(0, 10)}.csv"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    })
    .get('/:id', ...reviewers, (c) => c.json(materialDetail(db, materialId(c))))
    .post('/:id/decision', ...reviewers, requireConsent(deps), async (c) => {
      const id = materialId(c);
      const body = await parseJson(c, decisionRequestSchema);
      const material = decideMaterial(db, {
        ...body,
        materialId: id,
        byUserId: c.get('user').id,
        at: deps.now(),
        ip: clientAddress(c),
      });
      return c.json({ material });
    });
}

/** Evidence images for reviewers (mounted at /api/evidence beside the analysts' upload). */
export function reviewEvidenceRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:sha256', ...reviewersOnly(deps), async (c) => {
    const parsed = evidenceParamsSchema.safeParse({ sha256: c.req.param('sha256') });
    if (!parsed.success) {
      throw new ApiError('validation_failed', 'The path must end with a lowercase hex SHA-256.');
    }
    const { mime, data } = await evidenceForReview(deps.storage, parsed.data.sha256);
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': mime,
      'Content-Disposition': `inline; filename="${parsed.data.sha256}.${mime === 'image/png' ? 'png' : 'jpg'}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });
}
