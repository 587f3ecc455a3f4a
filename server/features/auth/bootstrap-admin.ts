import { randomUUID } from 'node:crypto';
import type { Storage } from '../../storage';
import { hashPassword } from './passwords';

/** Creates the configured admin as an active account when the system has no admin yet. */
export async function ensureBootstrapAdmin(
  storage: Pick<Storage, 'accounts'>,
  admin: { email: string; password: string } | undefined,
  now: Date,
): Promise<'created' | 'exists' | 'not_configured'> {
  if (!admin) return 'not_configured';
  // Checked first so that a server with an admin does not hash a password at every start.
  if (await storage.accounts.adminExists()) return 'exists';
  const at = now.toISOString();
  return storage.accounts.createFirstAdmin({
    id: randomUUID(),
    email: admin.email,
    fullName: 'Administrator',
    organization: '—',
    position: 'Administrator',
    phone: null,
    passwordHash: await hashPassword(admin.password),
    role: 'admin',
    status: 'active',
    createdAt: at,
    updatedAt: at,
  });
}
