/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { listOwnReports, ownReportsFilterSchema } from '../../features/my-reports/own-reports';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { MyReportsPage } from './my-reports-page';

const PAGE_SIZE = 50;

/** "My reports": an analyst's own reports and their outcome. */
export function myReportsRoutes(deps: AppDeps) {
  return new Hono<SiteEnv>()
    .use('/my-reports', requireSiteRole('analyst'))
    .get('/my-reports', async (c) => {
      const filter = ownReportsFilterSchema.parse(c.req.query());
      const page = await listOwnReports(deps.storage, c.get('viewer')!.id, filter, PAGE_SIZE);
      const filtered = Boolean(
        filter.q || filter.topic || filter.status || filter.from || filter.to,
      );
      return renderPage(
        c,
        <MyReportsPage view={viewOf(c)} filter={filter} page={page} filtered={filtered} />,
      );
    });
}
