import type { AccountProfile } from '#shared/schemas/account';
import type { UserRow } from '../../storage/accounts-store';

/** The account's own facts, as admins and the account's holder get them. */
export function accountProfile(user: UserRow): AccountProfile {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    organization: user.organization,
    position: user.position,
    phone: user.phone,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
