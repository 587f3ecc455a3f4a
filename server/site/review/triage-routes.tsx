/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import {
  bulkDecisionRequestSchema,
  nextQuerySchema,
  savedFilterRequestSchema,
} from '#shared/schemas/triage';
import { clientAddress } from '../../features/auth/client-address';
import { decideInBulk } from '../../features/review/bulk-decision-service';
import { nextMaterial } from '../../features/review/claim-service';
import {
  deleteSavedFilter,
  queueQueryOf,
  queueQueryString,
  saveFilter,
} from '../../features/review/saved-filters';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { BulkResultPage } from './bulk-result-page';
import { legalGroundFromForm } from './legal-ground-fields';

const uuid = z.uuid();

/** The ticked materials of the queue's selection form, each with the version its row showed. */
async function selection(c: Context) {
  const form = await c.req.formData();
  const ids = form.getAll('material').filter((v): v is string => typeof v === 'string');
  const chosen = [...new Set(ids)].filter((id) => uuid.safeParse(id).success);
  return chosen.map((id) => ({ id, expectedVersion: Number(form.get(`version-${id}`)) }));
}

/** The queue's triage forms: bulk decisions, "next", saved filters, a notice of the selection. */
export function triageSiteRoutes(deps: AppDeps) {
  const { storage } = deps;
  return (
    new Hono<SiteEnv>()
      .use('/review/*', requireSiteRole('reviewer', 'admin'))
      .post('/review/decisions', async (c) => {
        const t = c.get('t');
        const raw = await formValues(c);
        const materials = await selection(c);
        const request = bulkDecisionRequestSchema.safeParse({
          status: raw.decision,
          comment: raw.comment ?? '',
          reporterComment: raw.reporterComment || undefined,
          legalGround: legalGroundFromForm(raw),
          materials,
        });
        if (!request.success) {
          const fields = new Set(request.error.issues.map((i) => String(i.path[0])));
          const text = fields.has('materials')
            ? t.triage.noneSelected
            : fields.has('comment')
              ? t.material.commentRequired
              : fields.has('legalGround')
                ? t.material.legalGroundInvalid
                : t.material.notAllowed;
          return renderPage(c, <BulkResultPage view={viewOf(c)} error={text} />, 400);
        }
        const result = await decideInBulk(storage, {
          ...request.data,
          byUserId: c.get('viewer')!.id,
          at: deps.now(),
          ip: clientAddress(c),
        });
        return renderPage(c, <BulkResultPage view={viewOf(c)} result={result} />);
      })
      .get('/review/next', async (c) => {
        const parsed = nextQuerySchema.safeParse(c.req.query());
        const after = parsed.success ? parsed.data.after : undefined;
        const filter = queueQueryOf(c.req.query());
        const query = queueQueryString(filter);
        const next = await nextMaterial(
          storage,
          { ...filter, after } as z.infer<typeof nextQuerySchema>,
          c.get('viewer')!.id,
        );
        if (!next) return c.redirect(`/review?${query ? `${query}&` : ''}noneLeft=1`, 303);
        return c.redirect(`/review/materials/${next.id}${query ? `?${query}` : ''}`, 303);
      })
      .post('/review/filters', async (c) => {
        const raw = await formValues(c);
        const parsed = savedFilterRequestSchema.safeParse({
          name: raw.name,
          query: raw.query ?? '',
        });
        if (!parsed.success) throw new ApiError('validation_failed', 'Name the filter.');
        const saved = await saveFilter(storage, c.get('viewer')!.id, parsed.data, deps.now());
        return c.redirect(`/review?${saved.query ? `${saved.query}&` : ''}saved=1`, 303);
      })
      .post('/review/filters/:id/delete', async (c) => {
        const id = uuid.safeParse(c.req.param('id'));
        if (!id.success) throw new ApiError('not_found', 'No such saved filter.');
        await deleteSavedFilter(storage, c.get('viewer')!.id, id.data);
        return c.redirect('/review?deleted=1', 303);
      })
      // The selection form posts (it carries the form token); the notice draft is a plain GET.
      .post('/review/selection/notice', async (c) => {
        const ids = (await selection(c)).map((m) => `material=${m.id}`);
        return c.redirect(`/review/notices/new${ids.length ? `?${ids.join('&')}` : ''}`, 303);
      })
  );
}
