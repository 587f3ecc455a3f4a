/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { auditLog } from '../../features/audit/audit-service';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { personIdsOf } from './audit-details';
import { AuditPage } from './audit-page';
import { auditFilterSchema } from './audit-query';
import { disclosureRoutes } from './disclosure-routes';
import { peopleByIds, peopleMatching } from './people-query';
import { policyRoutes } from './policy-routes';
import { subjectRequestRoutes } from './subject-request-routes';
import { userRoutes } from './user-routes';

const AUDIT_PAGE_SIZE = 50;

/** The admin console: every page under /admin is for admins only. */
export function adminRoutes(deps: AppDeps) {
  return new Hono<SiteEnv>()
    .use('/admin/*', requireSiteRole('admin'))
    .route('/', userRoutes(deps))
    .route('/', policyRoutes(deps))
    .route('/', disclosureRoutes(deps))
    .route('/', subjectRequestRoutes(deps))
    .get('/admin/audit', async (c) => {
      const filter = auditFilterSchema.parse(c.req.query());
      const people =
        filter.person === undefined ? undefined : await peopleMatching(deps.storage, filter.person);
      const page = await auditLog(deps.storage, { ...filter, people }, AUDIT_PAGE_SIZE);
      const ids = page.events.flatMap((event) => [
        ...(event.actorUserId ? [event.actorUserId] : []),
        ...(event.subjectType === 'user' && event.subjectId ? [event.subjectId] : []),
        ...personIdsOf(event.details),
      ]);
      return renderPage(
        c,
        <AuditPage
          view={viewOf(c)}
          filter={filter}
          actions={await deps.storage.audit.actions()}
          people={await peopleByIds(deps.storage, ids)}
          page={page}
        />,
      );
    });
}
