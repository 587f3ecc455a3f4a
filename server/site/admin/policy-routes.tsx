/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { policyVersionSchema } from '#shared/schemas/policy';
import { clientAddress } from '../../features/auth/client-address';
import { publishNewPolicy } from '../../features/consent/policy-service';
import { policyVersions } from '../../features/consent/policy-store';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { formValues, parseForm } from '../form-values';
import { renderPage } from '../render';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { PoliciesPage } from './policies-page';

const publishFormSchema = z.object({
  version: policyVersionSchema,
  textRu: z.string().trim().min(1),
  textKk: z.string().trim().min(1),
  textEn: z.string().trim().min(1),
});

/** Policy versions: the list and publishing a new one (admins only: see adminRoutes). */
export function policyRoutes(deps: AppDeps) {
  const { storage } = deps;
  return new Hono<SiteEnv>()
    .get('/admin/policies', async (c) => {
      const versions = await policyVersions(storage);
      // Only a version that exists is announced: the query string is anyone's to write.
      const published = versions.find((row) => row.version === c.req.query('published'));
      return renderPage(
        c,
        <PoliciesPage view={viewOf(c)} versions={versions} published={published?.version} />,
      );
    })
    .post('/admin/policies', async (c) => {
      const t = c.get('t');
      const raw = await formValues(c);
      const again = async (errors: Record<string, string>, status: 400 | 409 = 400) =>
        renderPage(
          c,
          <PoliciesPage
            view={viewOf(c)}
            versions={await policyVersions(storage)}
            draft={raw}
            errors={errors}
          />,
          status,
        );
      const form = parseForm(publishFormSchema, raw, t);
      if (form.errors) return again(form.errors as Record<string, string>);
      try {
        const row = await publishNewPolicy(storage, {
          version: form.data.version,
          text: { ru: form.data.textRu, kk: form.data.textKk, en: form.data.textEn },
          adminId: c.get('viewer')!.id,
          at: deps.now(),
          ip: clientAddress(c),
        });
        return c.redirect(`/admin/policies?published=${encodeURIComponent(row.version)}`, 303);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'conflict') {
          const { currentVersion } = err.details as { currentVersion?: string };
          return again({ version: t.policies.versionNotNewer(currentVersion ?? '') }, 409);
        }
        if (err instanceof ApiError && err.code === 'validation_failed') {
          return again({ version: t.errors.invalid });
        }
        throw err;
      }
    });
}
