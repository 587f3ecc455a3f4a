import { Hono } from 'hono';
import { consentSubmissionSchema, consentWithdrawalQuerySchema } from '#shared/schemas/consent';
import { publishPolicyRequestSchema } from '#shared/schemas/policy';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress, requestOrigin } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { giveConsent, withdrawConsent } from './consent-service';
import { policyView, publishNewPolicy } from './policy-service';
import { currentPolicy, policyByVersion, policyVersions } from './policy-store';
import { requireConsent } from './require-consent';
import './api-docs';

/** Policy texts (public), the user's consent, and publishing (admins); mounted at /api. */
export function consentRoutes(deps: AppDeps) {
  const { storage } = deps;
  // Giving or withdrawing consent is the way out of consent_required, so neither can need it;
  // publishing a policy is an admin's write like any other and does.
  const publishers = [requireUser(deps), requireRole('admin'), requireConsent(deps)] as const;
  return new Hono<AppEnv>()
    .get('/policy/current', async (c) => {
      const policy = await currentPolicy(storage);
      if (!policy) throw new ApiError('not_found', 'No policy is published.');
      return c.json(policyView(policy));
    })
    .get('/policy/versions', async (c) =>
      c.json({
        versions: (await policyVersions(storage)).map(({ version, publishedAt, sha256 }) => ({
          version,
          publishedAt,
          sha256,
        })),
      }),
    )
    .get('/policy/:version', async (c) => {
      const policy = await policyByVersion(storage, c.req.param('version'));
      if (!policy) throw new ApiError('not_found', 'No such policy version.');
      return c.json(policyView(policy));
    })
    .post('/consent', requireUser(deps), async (c) => {
      const submission = await parseJson(c, consentSubmissionSchema);
      const record = await giveConsent(storage, {
        userId: c.get('user').id,
        submission,
        origin: requestOrigin(c),
        at: deps.now(),
      });
      return c.json(record, 201);
    })
    .delete('/consent', requireUser(deps), async (c) => {
      const { method } = parseQuery(c, consentWithdrawalQuerySchema);
      const record = await withdrawConsent(storage, {
        userId: c.get('user').id,
        method,
        origin: requestOrigin(c),
        at: deps.now(),
      });
      return c.json(record);
    })
    .post('/admin/policy', ...publishers, async (c) => {
      const request = await parseJson(c, publishPolicyRequestSchema);
      const row = await publishNewPolicy(storage, {
        ...request,
        adminId: c.get('user').id,
        at: deps.now(),
        ip: clientAddress(c),
      });
      return c.json(policyView(row), 201);
    });
}
