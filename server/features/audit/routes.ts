import { Hono } from 'hono';
import { auditQuerySchema } from '#shared/schemas/audit';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseQuery } from '../../http/validate';
import { requireRole, requireUser } from '../auth/require-user';
import { auditLog } from './audit-service';
import './api-docs';

/** The audit log for admins (mounted at /api/admin/audit). */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', requireUser(deps), requireRole('admin'), async (c) => {
    const { limit, ...filter } = parseQuery(c, auditQuerySchema);
    return c.json(await auditLog(deps.storage, filter, limit));
  });
}
