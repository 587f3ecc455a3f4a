import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../db/schema';
import { hashPassword } from './passwords';

/** Creates the configured admin as an active account when the system has no admin yet. */
export async function ensureBootstrapAdmin(
  db: Db,
  admin: { email: string; password: string } | undefined,
  now: Date,
): Promise<'created' | 'exists' | 'not_configured'> {
  if (!admin) return 'not_configured';
  if (db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()) return 'exists';
  const at = now.toISOString();
  db.insert(users)
    .values({
      id: randomUUID(),
      email: admin.email,
      fullName: 'Administrator',
      organization: '—',
      position: 'Administrator',
      passwordHash: await hashPassword(admin.password),
      role: 'admin',
      status: 'active',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return 'created';
}
