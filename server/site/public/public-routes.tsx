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
  const { storage } = deps;
  const showPolicy = async (version: string | undefined) => {
    const current = await currentPolicy(storage);
    const policy = version === undefined ? current : await policyByVersion(storage, version);
    if (!policy || !current) throw new ApiError('not_found', 'No such policy version.');
    return { policy, current: current.version, versions: await policyVersions(storage) };
  };
  return new Hono<SiteEnv>()
    .get('/', (c) => renderPage(c, <HomePage view={viewOf(c)} />))
    .get('/policy', async (c) =>
      renderPage(c, <PolicyPage view={viewOf(c)} {...(await showPolicy(undefined))} />),
    )
    .get('/policy/:version', async (c) =>
      renderPage(
        c,
        <PolicyPage view={viewOf(c)} {...(await showPolicy(c.req.param('version')))} />,
      ),
    );
}
