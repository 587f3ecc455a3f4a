/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { blockingListQuerySchema } from '#shared/schemas/blocking-list';
import { evidenceParamsSchema } from '#shared/schemas/evidence';
import { DECISION_COMMENT_LENGTH, decisionRequestSchema } from '#shared/schemas/review';
import { clientAddress } from '../../features/auth/client-address';
import {
  custodyEventsOf,
  recordCustody,
  recordViewed,
} from '../../features/evidence/custody-service';
import { evidenceFile } from '../../features/evidence/evidence-service';
import { evidenceHeaders, evidenceItems } from '../../features/evidence/evidence-view';
import { evidencePackage } from '../../features/evidence/package-service';
import { listNotices } from '../../features/notices/notices-service';
import { recheckHistory, recheckMaterial } from '../../features/rechecks/recheck-service';
import { materialRelations } from '../../features/relations/material-relations';
import { exportBlockingList } from '../../features/review/blocking-export';
import { changeClaim } from '../../features/review/claim-service';
import { decideMaterial } from '../../features/review/decision-service';
import { materialDetail } from '../../features/review/material-detail';
import { listMaterials } from '../../features/review/materials-list';
import {
  listSavedFilters,
  queueQueryOf,
  queueQueryString,
} from '../../features/review/saved-filters';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseQuery } from '../../http/validate';
import type { FieldErrors } from '../components/forms';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import { idParam } from '../route-params';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import type { DecisionDraft } from './decision-form';
import { legalGroundFromForm } from './legal-ground-fields';
import { MaterialPage } from './material-page';
import { QueuePage } from './queue-page';
import {
  activeReviewers,
  claimNotice,
  refusedClaimText,
  refusedDecisionText,
} from './triage-texts';

const QUEUE_PAGE_SIZE = 50;

/** The reviewer console: the materials queue, a material with its decision form, evidence, the blocking list. */
export function reviewRoutes(deps: AppDeps) {
  const { storage } = deps;
  const recheck = {
    storage,
    engine: deps.recheck,
    intervals: deps.config.recheck.intervals,
    now: deps.now,
  };
  const showMaterial = async (
    c: Context<SiteEnv>,
    extra: {
      notice?: { kind: 'error' | 'success'; text: string };
      draft?: DecisionDraft;
      errors?: FieldErrors;
    } = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const id = idParam(c);
    const detail = await materialDetail(storage, id, {
      evidenceOf: (live) => evidenceItems(storage, live, !!deps.config.tsa),
    });
    await recordViewed(deps.storage, id, { id: c.get('viewer')!.id, via: 'console' }, deps.now());
    const custody = await custodyEventsOf(deps.storage, id);
    const queueQuery = queueQueryString(queueQueryOf(c.req.query()));
    return renderPage(
      c,
      <MaterialPage
        view={viewOf(c)}
        detail={detail}
        custody={custody}
        checks={await recheckHistory(storage, id)}
        notices={await listNotices(storage, { materialId: id }, deps.now())}
        reviewers={await activeReviewers(storage)}
        queueQuery={queueQuery}
        relations={await materialRelations(storage, id)}
        {...extra}
      />,
      status,
    );
  };

  // A claim, assignment or release from the material page; refused ones come back with who holds it.
  const changeClaimFromForm = async (c: Context<SiteEnv>, verb: 'claim' | 'release') => {
    const t = c.get('t');
    const raw = await formValues(c);
    const me = c.get('viewer')!.id;
    const userId = verb === 'release' ? null : raw.userId || me;
    const version = Number(raw.expectedVersion);
    try {
      await changeClaim(storage, {
        materialId: idParam(c),
        userId,
        byUserId: me,
        byAdmin: c.get('viewer')!.role === 'admin',
        expectedVersion: Number.isSafeInteger(version) && version > 0 ? version : undefined,
        at: deps.now(),
        ip: clientAddress(c),
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'validation_failed') {
        return showMaterial(c, { notice: { kind: 'error', text: t.triage.assigneeInvalid } }, 400);
      }
      if (err.code !== 'conflict') throw err;
      return showMaterial(c, { notice: { kind: 'error', text: refusedClaimText(t, err) } }, 409);
    }
    const done = userId === null ? 'released' : userId === me ? 'claimed' : 'assigned';
    return c.redirect(`/review/materials/${idParam(c)}?claim=${done}#claim`, 303);
  };

  // The same service, query and answer as the API's export: only the session differs.
  const exportBlocking = async (c: Context<SiteEnv>, format: 'csv' | 'json') => {
    const actor = { userId: c.get('viewer')!.id, ip: clientAddress(c) };
    const query = parseQuery(c, blockingListQuerySchema);
    const exported = await exportBlockingList(storage, actor, deps.now(), query, format);
    return c.body(exported.body, 200, exported.headers);
  };

  const serveEvidence = async (c: Context<SiteEnv>, view: boolean) => {
    const sha = evidenceParamsSchema.safeParse({ sha256: c.req.param('sha256') });
    if (!sha.success) throw new ApiError('not_found', 'No such evidence.');
    const { mime, data } = await evidenceFile(deps.storage, sha.data.sha256);
    return c.body(new Uint8Array(data), 200, evidenceHeaders(sha.data.sha256, mime, { view }));
  };

  return (
    new Hono<SiteEnv>()
      .use('/review/*', requireSiteRole('reviewer', 'admin'))
      .get('/review', async (c) => {
        const query = queueQueryOf(c.req.query(), QUEUE_PAGE_SIZE);
        const page = await listMaterials(deps.storage, query);
        const notices = await listNotices(storage, { status: 'overdue' }, deps.now());
        const saved = await listSavedFilters(storage, c.get('viewer')!.id);
        const t = c.get('t');
        const said = c.req.query('saved')
          ? t.triage.filterSaved
          : c.req.query('deleted')
            ? t.triage.filterDeleted
            : c.req.query('noneLeft')
              ? t.triage.noneLeft
              : undefined;
        return renderPage(
          c,
          <QueuePage
            view={viewOf(c)}
            filter={query}
            page={page}
            overdue={notices.length}
            savedFilters={saved}
            notice={said ? { kind: 'success', text: said } : undefined}
          />,
        );
      })
      .get('/review/materials/:id', (c) => {
        const t = c.get('t');
        const notice = c.req.query('decided')
          ? t.material.decided
          : c.req.query('rechecked')
            ? t.rechecks.checked
            : claimNotice(t, c.req.query('claim'));
        return showMaterial(c, notice ? { notice: { kind: 'success', text: notice } } : {});
      })
      .post('/review/materials/:id/claim', (c) => changeClaimFromForm(c, 'claim'))
      .post('/review/materials/:id/release', (c) => changeClaimFromForm(c, 'release'))
      .post('/review/materials/:id/recheck', async (c) => {
        await recheckMaterial(recheck, idParam(c), c.get('viewer')!.id);
        return c.redirect(`/review/materials/${idParam(c)}?rechecked=1#rechecks`, 303);
      })
      .post('/review/materials/:id/decision', async (c) => {
        const t = c.get('t');
        const raw = await formValues(c);
        const draft = {
          status: raw.status,
          comment: raw.comment,
          reporterComment: raw.reporterComment,
          legalGround: raw.legalGround,
          courtNumber: raw.courtNumber,
          courtDate: raw.courtDate,
          duplicateOf: raw.duplicateOf,
          duplicateOfOther: raw.duplicateOfOther,
        };
        // Only a duplicate names an original; a typed id wins over the list's choice.
        const original = (raw.duplicateOfOther ?? '').trim() || raw.duplicateOf || undefined;
        const request = decisionRequestSchema.safeParse({
          status: raw.status,
          comment: raw.comment ?? '',
          reporterComment: raw.reporterComment || undefined,
          expectedVersion: Number(raw.expectedVersion),
          legalGround: legalGroundFromForm(raw),
          duplicateOf: raw.status === 'duplicate' ? original : undefined,
        });
        if (!request.success) {
          const errors: FieldErrors = {};
          for (const issue of request.error.issues) {
            if (issue.path[0] === 'comment') errors.comment = t.material.commentRequired;
            else if (issue.path[0] === 'reporterComment') {
              errors.reporterComment = t.errors.tooLong(DECISION_COMMENT_LENGTH);
            } else if (issue.path[0] === 'status') errors.status = t.material.notAllowed;
            else if (issue.path[0] === 'legalGround')
              errors.legalGround = t.material.legalGroundInvalid;
            else if (issue.path[0] === 'duplicateOf') {
              errors.duplicateOf = original
                ? t.relations.originalInvalid
                : t.relations.originalRequired;
            } else throw new ApiError('validation_failed', 'The decision form is not valid.');
          }
          return showMaterial(c, { draft, errors }, 400);
        }
        try {
          await decideMaterial(storage, {
            ...request.data,
            materialId: idParam(c),
            byUserId: c.get('viewer')!.id,
            at: deps.now(),
            ip: clientAddress(c),
          });
          await recordCustody(deps.storage, idParam(c), deps.now());
        } catch (err) {
          if (err instanceof ApiError && err.code === 'validation_failed' && original) {
            return showMaterial(
              c,
              { draft, errors: { duplicateOf: t.relations.originalInvalid } },
              400,
            );
          }
          if (!(err instanceof ApiError) || err.code !== 'conflict') throw err;
          const text = refusedDecisionText(t, err);
          // The reviewer's comment is kept; the status is chosen again against the current state.
          return showMaterial(
            c,
            { notice: { kind: 'error', text }, draft: { ...draft, status: undefined } },
            409,
          );
        }
        return c.redirect(`/review/materials/${idParam(c)}?decided=1`, 303);
      })
      .get('/review/materials/:id/evidence-package', async (c) => {
        const actor = { id: c.get('viewer')!.id, via: 'console' as const };
        const { zip, filename } = await evidencePackage(deps, idParam(c), actor, deps.now());
        return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/zip',
          'Content-Disposition': `attachment; filename="${filename}"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
      })
      // Images inline; a page copy as a download, or (`/view`, HTML copies) in a sandbox.
      .get('/review/evidence/:sha256', (c) => serveEvidence(c, false))
      .get('/review/evidence/:sha256/view', (c) => serveEvidence(c, true))
      .get('/review/blocking-list.csv', (c) => exportBlocking(c, 'csv'))
      .get('/review/blocking-list.json', (c) => exportBlocking(c, 'json'))
  );
}
