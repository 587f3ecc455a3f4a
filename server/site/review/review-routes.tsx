/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { evidenceParamsSchema } from '#shared/schemas/evidence';
import {
  DECISION_COMMENT_LENGTH,
  decisionRequestSchema,
  materialsQuerySchema,
} from '#shared/schemas/review';
import { recordAudit } from '../../features/audit/audit-service';
import { clientAddress } from '../../features/auth/client-address';
import { blockingCsv, blockingList } from '../../features/review/blocking-export';
import { decideMaterial } from '../../features/review/decision-service';
import { evidenceForReview } from '../../features/review/evidence-view';
import { materialDetail } from '../../features/review/material-detail';
import { listMaterials } from '../../features/review/materials-list';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { FieldErrors } from '../components/forms';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import { idParam } from '../route-params';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import type { DecisionDraft } from './decision-form';
import { MaterialPage } from './material-page';
import { QueuePage } from './queue-page';

const QUEUE_PAGE_SIZE = 50;

/** The queue's filters from the query string; a filter that is not valid is dropped. */
function queueQuery(c: Context) {
  const raw = c.req.query();
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === '' || !(name in materialsQuerySchema.shape)) continue;
    const field = materialsQuerySchema.shape[name as keyof typeof materialsQuerySchema.shape];
    if (field.safeParse(value).success) kept[name] = value;
  }
  return materialsQuerySchema.parse({ ...kept, limit: QUEUE_PAGE_SIZE });
}

/** The reviewer console: the materials queue, a material with its decision form, evidence, the blocking list. */
export function reviewRoutes(deps: AppDeps) {
  const { db } = deps.storage;
  const showMaterial = (
    c: Context<SiteEnv>,
    extra: {
      notice?: { kind: 'error' | 'success'; text: string };
      draft?: DecisionDraft;
      errors?: FieldErrors;
    } = {},
    status: 200 | 400 | 409 = 200,
  ) =>
    renderPage(
      c,
      <MaterialPage view={viewOf(c)} detail={materialDetail(db, idParam(c))} {...extra} />,
      status,
    );

  return new Hono<SiteEnv>()
    .use('/review/*', requireSiteRole('reviewer', 'admin'))
    .get('/review', async (c) => {
      const query = queueQuery(c);
      const page = await listMaterials(deps.storage, query);
      return renderPage(c, <QueuePage view={viewOf(c)} filter={query} page={page} />);
    })
    .get('/review/materials/:id', (c) =>
      showMaterial(
        c,
        c.req.query('decided')
          ? { notice: { kind: 'success', text: c.get('t').material.decided } }
          : {},
      ),
    )
    .post('/review/materials/:id/decision', async (c) => {
      const t = c.get('t');
      const raw = await formValues(c);
      const draft = {
        status: raw.status,
        comment: raw.comment,
        reporterComment: raw.reporterComment,
      };
      const request = decisionRequestSchema.safeParse({
        status: raw.status,
        comment: raw.comment ?? '',
        reporterComment: raw.reporterComment || undefined,
        expectedVersion: Number(raw.expectedVersion),
      });
      if (!request.success) {
        const errors: FieldErrors = {};
        for (const issue of request.error.issues) {
          if (issue.path[0] === 'comment') errors.comment = t.material.commentRequired;
          else if (issue.path[0] === 'reporterComment') {
            errors.reporterComment = t.errors.tooLong(DECISION_COMMENT_LENGTH);
          } else if (issue.path[0] === 'status') errors.status = t.material.notAllowed;
          else throw new ApiError('validation_failed', 'The decision form is not valid.');
        }
        return showMaterial(c, { draft, errors }, 400);
      }
      try {
        decideMaterial(db, {
          ...request.data,
          materialId: idParam(c),
          byUserId: c.get('viewer')!.id,
          at: deps.now(),
          ip: clientAddress(c),
        });
      } catch (err) {
        if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
        const moved = (err.details as { version?: number } | undefined)?.version !== undefined;
        const text = moved ? t.material.conflict : t.material.notAllowed;
        // The reviewer's comment is kept; the status is chosen again against the current state.
        return showMaterial(
          c,
          {
            notice: { kind: 'error', text },
            draft: { comment: raw.comment, reporterComment: raw.reporterComment },
          },
          409,
        );
      }
      return c.redirect(`/review/materials/${idParam(c)}?decided=1`, 303);
    })
    .get('/review/evidence/:sha256', async (c) => {
      const sha = evidenceParamsSchema.safeParse({ sha256: c.req.param('sha256') });
      if (!sha.success) throw new ApiError('not_found', 'No such evidence.');
      const { mime, data } = await evidenceForReview(deps.storage, sha.data.sha256);
      return c.body(new Uint8Array(data), 200, {
        'Content-Type': mime,
        'Cache-Control': 'private, max-age=86400',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
    })
    .get('/review/blocking-list.csv', (c) => {
      const at = deps.now();
      const entries = blockingList(db);
      recordAudit(db, {
        action: 'material.blocking_list_exported',
        at,
        actorUserId: c.get('viewer')!.id,
        ip: clientAddress(c),
        details: { materials: entries.length },
      });
      const day = at.toISOString().slice(0, 10);
      return c.body(blockingCsv(entries), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="blocking-list-${day}.csv"`,
        'Cache-Control': 'no-store',
      });
    });
}
