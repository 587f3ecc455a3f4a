/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { clientAddress, requestOrigin } from '../../features/auth/client-address';
import { closeAccount } from '../../features/subject/account-closure';
import { exportSubjectData } from '../../features/subject/subject-data';
import { requireSiteRole } from '../../features/web-session/middleware';
import { clearSiteCookie, SESSION_COOKIE } from '../../features/web-session/session-cookie';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { EraseConfirmPage, ErasedPage, MePage } from './me-page';

/** The data subject's page for any signed-in user: their data to download, and erasure. */
export function meRoutes(deps: AppDeps) {
  const { storage } = deps;
  return new Hono<SiteEnv>()
    .use('/me/*', requireSiteRole())
    .get('/me', (c) => renderPage(c, <MePage view={viewOf(c)} user={c.get('viewer')!} />))
    .get('/me/data.json', async (c) => {
      const at = deps.now();
      const data = await exportSubjectData(storage, {
        userId: c.get('viewer')!.id,
        at,
        ip: clientAddress(c),
      });
      return c.body(JSON.stringify(data, null, 2), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="webtagger-my-data-${at.toISOString().slice(0, 10)}.json"`,
        'Cache-Control': 'no-store',
      });
    })
    .get('/me/erase', (c) => renderPage(c, <EraseConfirmPage view={viewOf(c)} />))
    .post('/me/erase', async (c) => {
      const t = c.get('t');
      if ((await formValues(c)).confirm !== 'true') {
        return renderPage(
          c,
          <EraseConfirmPage view={viewOf(c)} error={t.me.confirmRequired} />,
          400,
        );
      }
      try {
        const closure = await closeAccount(storage, {
          userId: c.get('viewer')!.id,
          at: deps.now(),
          origin: requestOrigin(c),
          retentionDays: deps.config.retentionDays,
        });
        // The account is closed and its sessions revoked: this page is shown signed out.
        clearSiteCookie(c, SESSION_COOKIE);
        c.set('viewer', undefined);
        c.set('sessionToken', undefined);
        // Nobody is signed in any more: no policy is waiting for them to accept.
        c.set('consentNeeded', undefined);
        return renderPage(
          c,
          <ErasedPage view={viewOf(c)} destroyedAfter={closure.personalDataDestroyedAfter} />,
        );
      } catch (err) {
        if (err instanceof ApiError && err.code === 'conflict') {
          return renderPage(c, <EraseConfirmPage view={viewOf(c)} error={t.me.lastAdmin} />, 409);
        }
        throw err;
      }
    });
}
