import { type Context, Hono } from 'hono';
import { disclosureRequestSchema, disclosuresQuerySchema } from '#shared/schemas/disclosures';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { listDisclosures, recordDisclosure } from './disclosure-service';
import './api-docs';

/** Disclosures to state bodies and third parties, for admins (mounted at /api/admin/disclosures). */
export function disclosureRoutes(deps: AppDeps) {
  const adminOnly = [requireUser(deps), requireRole('admin')] as const;
  const action = (c: Context<AppEnv>) => ({
    adminId: c.get('user').id,
    at: deps.now(),
    ip: clientAddress(c),
  });
  return new Hono<AppEnv>()
    .post('/', ...adminOnly, requireConsent(deps), async (c) => {
      const request = await parseJson(c, disclosureRequestSchema);
      return c.json(await recordDisclosure(deps.storage, request, action(c)), 201);
    })
    .get('/', ...adminOnly, async (c) =>
      c.json(await listDisclosures(deps.storage, parseQuery(c, disclosuresQuerySchema), action(c))),
    );
}
