import type { UserRow } from '../db/schema';

export type { UserRow };

/** An account row to create. */
export type NewUser = Omit<UserRow, 'closedAt'>;

/** Accounts: who may sign in, with which role and status. */
export interface AccountStore {
  /** The account with this e-mail. */
  findByEmail(email: string): Promise<UserRow | undefined>;
  /** The account with this id. */
  findById(id: string): Promise<UserRow | undefined>;
  /** Whether any account has the admin role. */
  adminExists(): Promise<boolean>;
  /** Creates the admin when no account has the admin role yet, in one transaction. */
  createFirstAdmin(admin: NewUser): Promise<'created' | 'exists'>;
}
