import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { adminUsersQuerySchema, roleChangeRequestSchema } from '#shared/schemas/admin';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson, parseQuery } from '../../http/validate';
import { documentFiles } from '../accounts/document-files';
import {
  decideDocument,
  documentForDownload,
  documentMetadata,
} from '../accounts/documents-service';
import { clientAddress } from '../auth/client-address';
import { requireRole, requireUser } from '../auth/require-user';
import { requireConsent } from '../consent/require-consent';
import { approveUser, blockUser, listUsers, setRole } from './users-service';
import './api-docs';

/** The `:id` of the path; an id that is no UUID names nothing. */
function idParam(c: Context): string {
  const parsed = z.uuid().safeParse(c.req.param('id'));
  if (!parsed.success) throw new ApiError('not_found', 'No such record.');
  return parsed.data;
}

/** Accounts and documents, for admins; mounted at /api/admin. */
export function adminRoutes(deps: AppDeps) {
  const { storage } = deps;
  const files = documentFiles(deps.storage.dataDir);
  const adminOnly = [requireUser(deps), requireRole('admin')] as const;
  // Every change an admin makes needs consent to the current policy, as every write does.
  const adminWrites = [...adminOnly, requireConsent(deps)] as const;
  const action = (c: Context<AppEnv>) => ({
    userId: idParam(c),
    adminId: c.get('user').id,
    at: deps.now(),
    ip: clientAddress(c),
  });
  const decide = async (c: Context<AppEnv>, status: 'approved' | 'rejected') =>
    documentMetadata(
      await decideDocument(storage, {
        documentId: idParam(c),
        status,
        adminId: c.get('user').id,
        at: deps.now(),
        ip: clientAddress(c),
      }),
    );

  return new Hono<AppEnv>()
    .get('/users', ...adminOnly, async (c) =>
      c.json(await listUsers(storage, parseQuery(c, adminUsersQuerySchema))),
    )
    .post('/users/:id/approve', ...adminWrites, async (c) =>
      c.json({ user: await approveUser(storage, action(c)) }),
    )
    .post('/users/:id/block', ...adminWrites, async (c) =>
      c.json({ user: await blockUser(storage, action(c)) }),
    )
    .post('/users/:id/role', ...adminWrites, async (c) => {
      const { role } = await parseJson(c, roleChangeRequestSchema);
      return c.json({ user: await setRole(storage, { ...action(c), role }) });
    })
    .post('/documents/:id/approve', ...adminWrites, async (c) =>
      c.json(await decide(c, 'approved')),
    )
    .post('/documents/:id/reject', ...adminWrites, async (c) => c.json(await decide(c, 'rejected')))
    .get('/documents/:id/file', ...adminOnly, async (c) => {
      const { data, headers } = await documentForDownload(storage, files, idParam(c));
      return c.body(data, 200, headers);
    });
}
