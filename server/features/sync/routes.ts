import { Hono } from 'hono';
import { pullQuerySchema, pushEnvelopeSchema } from '#shared/schemas/sync';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseJson, parseQuery } from '../../http/validate';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { recordReportsReceived } from '../evidence/custody-service';
import { relateReports } from '../relations/relate-service';
import './api-docs';
import { decodeCursor, encodeCursor } from './cursor';
import { pullChanges } from './pull-service';
import { pushMutations } from './push-service';

/** Push and pull of an analyst's reports (mounted at /api/sync). */
export function syncRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .post('/push', requireUser(deps), requireRole('analyst'), requireConsent(deps), async (c) => {
        const body = await parseJson(c, pushEnvelopeSchema);
        const user = c.get('user');
        const at = deps.now();
        const results = await pushMutations(
          deps.storage,
          user.id,
          body.mutations,
          at,
          clientAddress(c),
        );
        const received = results.flatMap((r) =>
          r.status === 'applied' && r.report ? [r.report] : [],
        );
        await recordReportsReceived(deps.storage, received, at);
        // After the batch committed: relating is idempotent, and its failure must not fail the push.
        await relateReports(deps.storage, received, at).catch((error: unknown) =>
          deps.logger.error('relate_failed', { error: String(error) }),
        );
        deps.logger.info('push', {
          userId: user.id,
          mutations: results.length,
          rejected: results.filter((r) => r.status === 'rejected').length,
        });
        return c.json({ results });
      })
      // Reading one's own data needs no consent: a user who withdrew may still see what they sent.
      .get('/pull', requireUser(deps), requireRole('analyst'), async (c) => {
        const query = parseQuery(c, pullQuerySchema);
        const afterSeq = decodeCursor(query.cursor);
        const page = await pullChanges(deps.storage, c.get('user').id, afterSeq, query.limit);
        return c.json({
          changes: page.changes,
          cursor: encodeCursor(page.lastSeq),
          hasMore: page.hasMore,
        });
      })
  );
}
