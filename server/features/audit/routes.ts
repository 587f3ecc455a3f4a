import { Hono } from 'hono';
import { auditQuerySchema } from '#shared/schemas/audit';
import type { AppDeps, AppEnv } from '../../http/env';
import { parseQuery } from '../../http/validate';
import { requireRole, requireUser } from '../auth/require-user';
import { listAudit } from './audit-service';
import './api-docs';

/** The audit log for admins (mounted at /api/admin/audit). */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', requireUser(deps), requireRole('admin'), (c) =>
    c.json(listAudit(deps.storage.db, parseQuery(c, auditQuerySchema))),
  );
}
