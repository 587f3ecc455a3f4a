import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DOCUMENT_LIMITS } from '#shared/schemas/documents';
import { createUploadLimits, type UploadLimits } from '../features/accounts/upload-limits';
import { createLoginThrottle, type LoginThrottle } from '../features/auth/login-throttle';
import { loadSiteSession, verifySiteForms } from '../features/web-session/middleware';
import type { AppDeps } from '../http/env';
import { ApiError } from '../http/errors';
import { noStoreByDefault } from '../http/no-store';
import { adminRoutes } from './admin/admin-routes';
import { consentRoutes } from './consent/consent-routes';
import { loadConsentState, requireSiteConsent } from './consent/require-site-consent';
import { errorPage, siteErrorHandler } from './error-page';
import { pickLanguage } from './language';
import { meRoutes } from './me/me-routes';
import { myReportsRoutes } from './my-reports/my-reports-routes';
import { noticesRoutes } from './notices/notices-routes';
import { recipientsRoutes } from './notices/recipients-routes';
import { publicRoutes } from './public/public-routes';
import { registerRoutes } from './public/register-routes';
import { streamRegistrationUpload } from './public/registration-upload';
import { signInRoutes } from './public/sign-in-routes';
import { reviewRoutes } from './review/review-routes';
import { triageSiteRoutes } from './review/triage-routes';
import { siteSecurityHeaders } from './security-headers';
import type { SiteEnv } from './site-env';
import { staticFiles } from './static-files';
import { statsRoutes } from './stats/stats-routes';

const FORM_BODY_LIMIT = 2 * 1024 * 1024;
const REGISTRATION_BODY_LIMIT =
  DOCUMENT_LIMITS.maxRegistrationFiles * DOCUMENT_LIMITS.maxBytes + 1024 * 1024;

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', 'The form is too large.');
    },
  });

/**
 * The site: server-rendered pages for visitors, reviewers and admins, on a cookie session. It is
 * an app of its own so that its errors are pages, not API answers, and its headers are its own.
 * `limits` are the API's sign-in and upload limits too (createApp shares them); a site built
 * alone gets its own.
 */
export function siteApp(
  deps: AppDeps,
  limits: { loginThrottle: LoginThrottle; uploadLimits: UploadLimits } = {
    loginThrottle: createLoginThrottle(),
    uploadLimits: createUploadLimits(deps.config),
  },
) {
  const { loginThrottle, uploadLimits } = limits;
  const site = new Hono<SiteEnv>();
  site.onError(siteErrorHandler(deps.logger));
  site.notFound((c) => errorPage(c, 404));
  site.use('*', noStoreByDefault());
  site.use('*', siteSecurityHeaders());
  site.use('*', pickLanguage());
  site.route('/', staticFiles());
  const formLimit = limitBody(FORM_BODY_LIMIT);
  const registrationLimit = limitBody(REGISTRATION_BODY_LIMIT);
  site.use('*', (c, next) => (c.req.path === '/register' ? registrationLimit : formLimit)(c, next));
  site.use('/register', streamRegistrationUpload(deps, uploadLimits));
  site.use('*', loadSiteSession(deps));
  site.use('*', verifySiteForms());
  site.use('*', loadConsentState(deps));
  site.use('*', requireSiteConsent(deps));
  site.route('/', publicRoutes(deps));
  site.route('/', signInRoutes(deps, loginThrottle));
  site.route('/', registerRoutes(deps));
  site.route('/', adminRoutes(deps));
  site.route('/', triageSiteRoutes(deps));
  site.route('/', reviewRoutes(deps));
  site.route('/', noticesRoutes(deps));
  site.route('/', recipientsRoutes(deps));
  site.route('/', meRoutes(deps));
  site.route('/', myReportsRoutes(deps));
  site.route('/', consentRoutes(deps));
  site.route('/', statsRoutes(deps));
  return site;
}
