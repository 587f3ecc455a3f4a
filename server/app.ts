import { Hono } from 'hono';
import { bodyLimitByPath } from './features/accounts/body-limits';
import { accountRoutes } from './features/accounts/routes';
import { createUploadLimits, storedRegistrationLog } from './features/accounts/upload-limits';
import { adminRoutes } from './features/admin/routes';
import { auditRoutes } from './features/audit/routes';
import { createLoginThrottle, LOGIN_LIMITS, storedLoginLogs } from './features/auth/login-throttle';
import { authRoutes } from './features/auth/routes';
import { consentRoutes } from './features/consent/routes';
import { disclosureRoutes } from './features/disclosures/routes';
import { noticeRoutes } from './features/notices/routes';
import { openApiRoutes } from './features/openapi/routes';
import { recheckRoutes } from './features/rechecks/routes';
import { reviewEvidenceRoutes, reviewRoutes } from './features/review/routes';
import { triageRoutes } from './features/review/triage-routes';
import { statsRoutes } from './features/stats/routes';
import { subjectRoutes } from './features/subject/routes';
import { evidenceRoutes } from './features/sync/evidence-routes';
import { knownUrlsRoutes } from './features/sync/known-urls-routes';
import { syncRoutes } from './features/sync/routes';
import type { AppDeps, AppEnv } from './http/env';
import { ApiError, errorHandler } from './http/errors';
import { extensionCors } from './http/extension-cors';
import { noStoreByDefault } from './http/no-store';
import { siteApp } from './site/site-app';

const JSON_BODY_LIMIT = 8 * 1024 * 1024;

/** Builds the whole HTTP app from its dependencies. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(deps.logger));
  app.notFound((c) => c.json(new ApiError('not_found', 'No such endpoint.').toBody(), 404));
  app.use('/api/*', extensionCors());
  app.use('/api/*', noStoreByDefault());
  // Upload routes take documents (UPLOAD_BODY_LIMITS); every other route keeps the tight default.
  app.use('/api/*', bodyLimitByPath(JSON_BODY_LIMIT));
  app.get('/api/health', (c) => c.json({ ok: true }));
  // One limiter behind both sign-in doors (API and site): alternating them earns no extra guesses.
  // Its failures are kept by the storage, so processes sharing the database count them together.
  const loginThrottle = createLoginThrottle(LOGIN_LIMITS, storedLoginLogs(deps.storage.limits));
  // One set of upload limits behind both registration doors too.
  const uploadLimits = createUploadLimits(
    deps.config,
    storedRegistrationLog(deps.storage.limits, deps.config),
  );
  app.route('/api/auth', authRoutes(deps, loginThrottle));
  app.route('/api', accountRoutes(deps, uploadLimits));
  app.route('/api', consentRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api/admin/audit', auditRoutes(deps));
  app.route('/api/admin/disclosures', disclosureRoutes(deps));
  app.route('/api', openApiRoutes());
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/known-urls', knownUrlsRoutes(deps));
  app.route('/api/evidence', evidenceRoutes(deps));
  app.route('/api/evidence', reviewEvidenceRoutes(deps));
  app.route('/api/materials', triageRoutes(deps));
  app.route('/api/materials', reviewRoutes(deps));
  app.route('/api/materials', recheckRoutes(deps));
  app.route('/api/notices', noticeRoutes(deps));
  app.route('/api', subjectRoutes(deps));
  app.route('/api/stats', statsRoutes(deps));
  // The site is an app of its own (HTML error pages, cookie sessions, CSP); /api stays the API's.
  const site = siteApp(deps, { loginThrottle, uploadLimits });
  app.all('*', (c, next) =>
    c.req.path.startsWith('/api/') ? next() : site.fetch(c.req.raw, c.env),
  );
  return app;
}
export type App = ReturnType<typeof createApp>;
