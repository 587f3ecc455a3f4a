/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import {
  currentPolicy,
  policyByVersion,
  policyVersions,
} from '../../features/consent/policy-store';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { HomePage } from './home-page';
import { PolicyPage } from './policy-page';

/** The home page and the privacy policy (current and past versions). */
export function publicRoutes(deps: AppDeps) {
  const { db } = deps.storage;
  const showPolicy = (version: string | undefined) => {
    const current = currentPolicy(db);
    const policy = version === undefined ? current : policyByVersion(db, version);
    if (!policy || !current) throw new ApiError('not_found', 'No such policy version.');
    return { policy, current: current.version, versions: policyVersions(db) };
  };
  return new Hono<SiteEnv>()
    .get('/', (c) => renderPage(c, <HomePage view={viewOf(c)} />))
    .get('/policy', (c) =>
      renderPage(c, <PolicyPage view={viewOf(c)} {...showPolicy(undefined)} />),
    )
    .get('/policy/:version', (c) =>
      renderPage(c, <PolicyPage view={viewOf(c)} {...showPolicy(c.req.param('version'))} />),
    );
}
