/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { STATS_DIMENSIONS, statsQuerySchema } from '#shared/schemas/stats';
import { followThroughStats } from '../../features/stats/follow-through-service';
import { reportStats } from '../../features/stats/stats-service';
import { requireSiteRole } from '../../features/web-session/middleware';
import type { AppDeps } from '../../http/env';
import type { FieldErrors } from '../components/forms';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { type Dashboard, StatsPage } from './stats-page';

/** The statistics dashboard for reviewers and admins, over a period of whole UTC days. */
export function statsRoutes(deps: AppDeps) {
  return new Hono<SiteEnv>().get('/stats', requireSiteRole('reviewer', 'admin'), async (c) => {
    const typed = { from: c.req.query('from') || undefined, to: c.req.query('to') || undefined };
    const parsed = statsQuerySchema.safeParse({ by: 'day', ...typed });
    const errors: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors[String(issue.path[0] ?? 'from')] = c.get('t').errors.invalid;
      }
    }
    // A period that is not valid is shown with its errors, and the whole history is counted.
    const period = parsed.success ? { from: parsed.data.from, to: parsed.data.to } : {};
    const dashboard = {} as Dashboard;
    for (const by of STATS_DIMENSIONS) {
      dashboard[by] = await reportStats(deps.storage, { by, ...period });
    }
    const followThrough = await followThroughStats(deps.storage, period, deps.now());
    return renderPage(
      c,
      <StatsPage
        view={viewOf(c)}
        period={typed}
        errors={errors}
        dashboard={dashboard}
        followThrough={followThrough}
      />,
      parsed.success ? 200 : 400,
    );
  });
}
