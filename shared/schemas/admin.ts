import { z } from 'zod';
import { ACCOUNT_STATUSES, accountProfileSchema, ROLES } from './account';
import { documentMetadataSchema } from './documents';

export const ADMIN_USERS_PAGE = { default: 100, max: 500 } as const;

export const adminUsersQuerySchema = z.object({
  status: z.enum(ACCOUNT_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(ADMIN_USERS_PAGE.max).default(ADMIN_USERS_PAGE.default),
});

/** An account as admins see it when deciding on it. */
export const adminUserSchema = accountProfileSchema.extend({
  documents: z.array(documentMetadataSchema),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersResponseSchema = z.object({
  users: z.array(adminUserSchema),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
});

export const roleChangeRequestSchema = z.object({ role: z.enum(ROLES) }).strict();

export const adminUserResponseSchema = z.object({ user: adminUserSchema });
