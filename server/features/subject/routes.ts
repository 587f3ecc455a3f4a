import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/env';
import { clientAddress, requestOrigin } from '../auth/client-address';
import { requireUser } from '../auth/require-user';
import { closeAccount } from './account-closure';
import { exportSubjectData } from './subject-data';
import './api-docs';

/** The data subject's rights: access to their data and erasure (mounted at /api). */
export function subjectRoutes(deps: AppDeps) {
  const { storage } = deps;
  return (
    new Hono<AppEnv>()
      // Reading one's own data needs no consent: someone who withdrew may still ask what is held.
      .get('/me/data', requireUser(deps), async (c) =>
        c.json(
          await exportSubjectData(storage, {
            userId: c.get('user').id,
            at: deps.now(),
            ip: clientAddress(c),
          }),
        ),
      )
      // Erasure needs no consent either: it is the person's right whatever their consent.
      .delete('/me', requireUser(deps), async (c) =>
        c.json(
          await closeAccount(storage, {
            userId: c.get('user').id,
            at: deps.now(),
            origin: requestOrigin(c),
            retentionDays: deps.config.retentionDays,
          }),
        ),
      )
  );
}
