/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, retryAfterOf, storageFullOf } from '../http/errors';
import type { Logger } from '../logger';
import { Layout } from './components/layout';
import { stringsFor } from './i18n';
import { renderPage } from './render';
import type { SiteEnv } from './site-env';
import { viewOf } from './view';

type PageStatus = 400 | 403 | 404 | 409 | 413 | 429 | 500 | 503;

const pageStatus = (status: number): PageStatus => {
  if (status === 401) return 403;
  if ([400, 403, 404, 409, 413, 429, 503].includes(status)) return status as PageStatus;
  return status < 500 ? 400 : 500;
};

function messageFor(c: Context<SiteEnv>, err: Error, status: PageStatus): string {
  const e = c.get('t').errorPage;
  const details = err instanceof ApiError ? (err.details as { reason?: string } | undefined) : {};
  if (details?.reason === 'form_token') return e.formToken;
  const byStatus: Record<PageStatus, string> = {
    400: e.invalid,
    403: e.forbidden,
    404: e.notFound,
    409: e.conflict,
    413: e.tooLarge,
    429: e.tooMany,
    500: e.internal,
    503: e.storageFull,
  };
  return byStatus[status];
}

/** The site's error handler: a page in the visitor's language, never a stack trace. */
export function siteErrorHandler(logger: Logger) {
  return (thrown: Error, c: Context<SiteEnv>) => {
    const full = storageFullOf(thrown);
    if (full) logger.error('storage full', { method: c.req.method, path: c.req.path });
    const err = full ?? thrown;
    if (!c.get('t')) c.set('t', stringsFor('ru'));
    if (!c.get('lang')) c.set('lang', 'ru');
    const known = err instanceof ApiError || err instanceof HTTPException;
    if (!known) {
      logger.error('site error', { method: c.req.method, path: c.req.path, error: err.name });
    }
    const status = pageStatus(known ? err.status : 500);
    const wait = err instanceof ApiError ? retryAfterOf(err) : undefined;
    if (wait) c.header('Retry-After', String(wait));
    return errorPage(c, status, messageFor(c, err, status));
  };
}

/** Renders the error page of a status. */
export function errorPage(c: Context<SiteEnv>, status: PageStatus, message?: string) {
  const view = viewOf(c);
  const e = view.t.errorPage;
  return renderPage(
    c,
    <Layout view={view} title={e.title[status]}>
      <p>{message ?? e.notFound}</p>
      <p>
        <a href="/">{e.home}</a>
      </p>
    </Layout>,
    status,
  );
}
