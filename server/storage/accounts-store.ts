import type { UserRow } from '../db/schema';
import type { AuditEvent } from './audit-store';
import type { ConsentRow, NewConsent } from './consent-store';
import type { DocumentRow, NewDocument } from './documents-store';

export type { UserRow };

/** An account row to create. */
export type NewUser = Omit<UserRow, 'closedAt'>;

/** What a registration writes, all or nothing: the account, its documents, consent and audit. */
export type RegistrationEntry = {
  user: NewUser;
  documents: NewDocument[];
  consent: NewConsent;
  audit: AuditEvent[];
};

/** What a change of an account is decided on, read in the transaction that makes it. */
export type AccountFacts = {
  user: UserRow;
  documents: DocumentRow[];
  /** Active admins other than this account. */
  otherActiveAdmins: number;
  latestConsent: ConsentRow | undefined;
  currentPolicyVersion: string | undefined;
};

/** What a change of an account writes; each part is optional but the audit. */
export type AccountChange = {
  set?: Partial<Pick<UserRow, 'status' | 'role' | 'closedAt' | 'updatedAt'>>;
  /** These documents of the account become approved. */
  approveDocuments?: { ids: string[]; at: string; by: string };
  /** Every live token of the account is revoked at this time. */
  revokeTokensAt?: string;
  consent?: NewConsent;
  /** The account's erasure is requested at this time. */
  erasureRequestedAt?: string;
  audit: AuditEvent[];
};

/** Which accounts to list: by status, after a (createdAt, id) cursor, oldest first. */
export type AccountFilter = {
  status?: UserRow['status'];
  after?: { createdAt: string; id: string };
};

/** Accounts: who may sign in, with which role and status. */
export interface AccountStore {
  /** The account with this e-mail. */
  findByEmail(email: string): Promise<UserRow | undefined>;
  /** The account with this id. */
  findById(id: string): Promise<UserRow | undefined>;
  /** The accounts with these ids that exist. */
  findByIds(ids: string[]): Promise<UserRow[]>;
  /** Every account's id, name and e-mail (accounts number in the thousands). */
  directory(): Promise<{ id: string; fullName: string; email: string }[]>;
  /** Up to `limit` accounts matching the filter, oldest first. */
  list(filter: AccountFilter, limit: number): Promise<UserRow[]>;
  /** Whether any account has the admin role. */
  adminExists(): Promise<boolean>;
  /** Creates the admin when no account has the admin role yet, in one transaction. */
  createFirstAdmin(admin: NewUser): Promise<'created' | 'exists'>;
  /**
   * Stores what `build` (pure; it may throw to store nothing) makes of whether the e-mail is
   * taken and which policy version is current, in one transaction.
   */
  register(
    email: string,
    build: (facts: {
      emailTaken: boolean;
      currentPolicyVersion: string | undefined;
    }) => RegistrationEntry,
  ): Promise<void>;
  /**
   * Applies what `build` (pure; it may throw to change nothing) makes of the account as it is
   * now, in one transaction; answers the account and its documents afterwards. `build` is given
   * undefined when there is no such account.
   */
  change(
    userId: string,
    build: (facts: AccountFacts | undefined) => AccountChange,
  ): Promise<{ user: UserRow; documents: DocumentRow[] }>;
}
