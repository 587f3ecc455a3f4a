/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { clientAddress } from '../../features/auth/client-address';
import { runRetention } from '../../features/retention/retention-service';
import type { AppDeps } from '../../http/env';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { SubjectRequestsPage } from './subject-requests-page';
import { erasureRequests } from './subject-requests-query';

const LISTED = 200;

/** Erasure requests and a manual run of retention (admins only: see adminRoutes). */
export function subjectRequestRoutes(deps: AppDeps) {
  return new Hono<SiteEnv>()
    .get('/admin/subject-requests', async (c) => {
      const ran = Number(c.req.query('ran'));
      return renderPage(
        c,
        <SubjectRequestsPage
          view={viewOf(c)}
          requests={await erasureRequests(deps.storage, LISTED)}
          retentionDays={deps.config.retentionDays}
          ran={Number.isInteger(ran) && ran >= 0 && c.req.query('ran') ? ran : undefined}
        />,
      );
    })
    .post('/admin/subject-requests/retention', async (c) => {
      const at = deps.now();
      const act = await runRetention(deps.storage, {
        now: at,
        retentionDays: deps.config.retentionDays,
      });
      await deps.storage.audit.record({
        action: 'retention.run_requested',
        at,
        actorUserId: c.get('viewer')!.id,
        ip: clientAddress(c),
        details: { accounts: act.userIds.length },
      });
      return c.redirect(`/admin/subject-requests?ran=${act.userIds.length}`, 303);
    });
}
