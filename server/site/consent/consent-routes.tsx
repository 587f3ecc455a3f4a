/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { consentSubmissionSchema } from '#shared/schemas/consent';
import { requestOrigin } from '../../features/auth/client-address';
import { giveConsent, withdrawConsent } from '../../features/consent/consent-service';
import { currentPolicy, latestConsent } from '../../features/consent/policy-store';
import { requireSiteRole } from '../../features/web-session/middleware';
import { clearSiteCookie, SESSION_COOKIE } from '../../features/web-session/session-cookie';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { FieldErrors } from '../components/forms';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import { returnTarget } from '../return-target';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { ConsentPage, WithdrawnPage } from './consent-page';

type ConsentPageOptions = {
  next: string;
  notSaved?: boolean;
  error?: string;
  errors?: FieldErrors;
};

/** Renders the consent page of the signed-in viewer: the current policy and their standing. */
export async function showConsentPage(
  c: Context<SiteEnv>,
  deps: AppDeps,
  options: ConsentPageOptions,
  status: ContentfulStatusCode = 200,
) {
  const { storage } = deps;
  const policy = await currentPolicy(storage);
  if (!policy) throw new ApiError('not_found', 'No policy is published.');
  const latest = await latestConsent(storage, c.get('viewer')!.id);
  return renderPage(
    c,
    <ConsentPage view={viewOf(c)} policy={policy} latest={latest} {...options} />,
    status,
  );
}

/** The viewer's consent on the site: accepting the current policy (as POST /api/consent) and withdrawing (as DELETE /api/consent). */
export function consentRoutes(deps: AppDeps) {
  const { storage } = deps;
  return new Hono<SiteEnv>()
    .use('/consent/*', requireSiteRole())
    .get('/consent', (c) => showConsentPage(c, deps, { next: returnTarget(c.req.query('next')) }))
    .post('/consent', async (c) => {
      const t = c.get('t');
      const raw = await formValues(c);
      const next = returnTarget(raw.next);
      const policyChanged = () =>
        showConsentPage(c, deps, { next, error: t.errors.policyChanged }, 409);
      // The version shown may have been replaced while the page was open: show the new one.
      if (raw.policyVersion !== (await currentPolicy(storage))?.version) return policyChanged();
      if (raw.acceptPolicy !== 'true') {
        return showConsentPage(
          c,
          deps,
          { next, errors: { acceptPolicy: t.consent.acceptRequired } },
          400,
        );
      }
      const submission = consentSubmissionSchema.parse({
        policyVersion: raw.policyVersion,
        scopes: { processing: true, thirdPartyTransfer: raw.thirdPartyTransfer === 'true' },
        method: 'site',
      });
      try {
        await giveConsent(storage, {
          userId: c.get('viewer')!.id,
          submission,
          origin: requestOrigin(c),
          at: deps.now(),
        });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'conflict') return policyChanged();
        throw err;
      }
      return c.redirect(next, 303);
    })
    .post('/consent/withdraw', async (c) => {
      const t = c.get('t');
      if ((await formValues(c)).confirm !== 'true') {
        const errors = { confirm: t.me.confirmRequired };
        return showConsentPage(c, deps, { next: '/', errors }, 400);
      }
      await withdrawConsent(storage, {
        userId: c.get('viewer')!.id,
        method: 'site',
        origin: requestOrigin(c),
        at: deps.now(),
      });
      // Every token of the user is revoked, this session's too: the page is shown signed out.
      clearSiteCookie(c, SESSION_COOKIE);
      c.set('viewer', undefined);
      c.set('sessionToken', undefined);
      c.set('consentNeeded', undefined);
      return renderPage(c, <WithdrawnPage view={viewOf(c)} />);
    });
}
