import { createMiddleware } from 'hono/factory';
import { hasCurrentConsent } from '../../features/consent/policy-store';
import type { AppDeps } from '../../http/env';
import { returnTargetFromReferer } from '../return-target';
import type { SiteEnv } from '../site-env';
import { showConsentPage } from './consent-routes';

// Forms that stay open without consent: signing in and out, the consent itself, and erasure
// (a data subject's right does not wait for their consent).
const WITHOUT_CONSENT = new Set([
  '/sign-in',
  '/sign-out',
  '/consent',
  '/consent/withdraw',
  '/me/erase',
]);

/** Notes the current policy version a signed-in viewer has yet to accept (every page asks for it). */
export function loadConsentState(deps: AppDeps) {
  return createMiddleware<SiteEnv>(async (c, next) => {
    const viewer = c.get('viewer');
    const state = viewer ? await hasCurrentConsent(deps.storage, viewer.id) : undefined;
    c.set('consentNeeded', state && !state.current ? state.policyVersion : undefined);
    await next();
  });
}

/**
 * Every change made on the site needs consent to the current policy version, as every write
 * does. A form sent without it changes nothing and is answered with the policy to accept, which
 * then leads back to the page the form was on.
 */
export function requireSiteConsent(deps: AppDeps) {
  return createMiddleware<SiteEnv>(async (c, next) => {
    const exempt =
      c.req.method === 'GET' || c.req.method === 'HEAD' || WITHOUT_CONSENT.has(c.req.path);
    if (exempt || !c.get('consentNeeded')) return next();
    return showConsentPage(
      c,
      deps,
      {
        next: returnTargetFromReferer(c.req.header('referer'), c.req.url),
        notSaved: true,
      },
      403,
    );
  });
}
