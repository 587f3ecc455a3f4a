/** @jsxImportSource hono/jsx */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { ACCOUNT_STATUSES, ROLES } from '#shared/schemas/account';
import { documentFiles } from '../../features/accounts/document-files';
import { decideDocument, documentForDownload } from '../../features/accounts/documents-service';
import { approveUser, blockUser, listUsers, setRole } from '../../features/admin/users-service';
import { clientAddress } from '../../features/auth/client-address';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { formValues } from '../form-values';
import { renderPage } from '../render';
import { returnTarget } from '../return-target';
import { idParam } from '../route-params';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { UsersPage } from './users-page';

const PAGE_SIZE = 50;
const usersQuerySchema = z.object({
  status: z.enum([...ACCOUNT_STATUSES, 'all']).default('pending'),
  cursor: z.string().max(200).optional(),
});

/** Where to go back after an action: the list the admin came from, on this site only. */
async function backTo(c: Context): Promise<string> {
  const values = await formValues(c);
  const back = returnTarget(values.back);
  const target = back.startsWith('/admin/users') ? back : '/admin/users';
  return `${target}${target.includes('?') ? '&' : '?'}done=1`;
}

/** Accounts and their documents (admins only: see adminRoutes). */
export function userRoutes(deps: AppDeps) {
  const { storage } = deps;
  const files = documentFiles(deps.storage.dataDir);
  const action = (c: Context<SiteEnv>) => ({
    userId: idParam(c),
    adminId: c.get('viewer')!.id,
    at: deps.now(),
    ip: clientAddress(c),
  });
  const decide = async (c: Context<SiteEnv>, status: 'approved' | 'rejected') => {
    await decideDocument(storage, {
      documentId: idParam(c),
      status,
      adminId: c.get('viewer')!.id,
      at: deps.now(),
      ip: clientAddress(c),
    });
    return c.redirect(await backTo(c), 303);
  };
  return new Hono<SiteEnv>()
    .get('/admin/users', async (c) => {
      const query = usersQuerySchema.safeParse(c.req.query());
      const { status, cursor } = query.success ? query.data : { status: 'pending' as const };
      const filter = status === 'all' ? undefined : status;
      const page = await listUsers(storage, { status: filter, cursor, limit: PAGE_SIZE });
      return renderPage(
        c,
        <UsersPage view={viewOf(c)} status={filter} page={page} done={!!c.req.query('done')} />,
      );
    })
    .post('/admin/users/:id/approve', async (c) => {
      await approveUser(storage, action(c));
      return c.redirect(await backTo(c), 303);
    })
    .post('/admin/users/:id/block', async (c) => {
      await blockUser(storage, action(c));
      return c.redirect(await backTo(c), 303);
    })
    .post('/admin/users/:id/role', async (c) => {
      const role = z.enum(ROLES).safeParse((await formValues(c)).role);
      if (!role.success) throw new ApiError('validation_failed', 'Choose a role.');
      await setRole(storage, { ...action(c), role: role.data });
      return c.redirect(await backTo(c), 303);
    })
    .post('/admin/documents/:id/approve', (c) => decide(c, 'approved'))
    .post('/admin/documents/:id/reject', (c) => decide(c, 'rejected'))
    .get('/admin/documents/:id/file', async (c) => {
      const { data, headers } = await documentForDownload(storage, files, idParam(c));
      return c.body(data, 200, headers);
    });
}
