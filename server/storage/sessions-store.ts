import type { TokenRow, UserRow } from '../db/schema';
import type { AuditEvent } from './audit-store';

export type { TokenRow, UserRow };

/** A bearer token to store: only its SHA-256 is kept. Times are ISO strings. */
export type NewToken = {
  id: string;
  userId: string;
  tokenHash: string;
  deviceName: string | null;
  createdAt: string;
  expiresAt: string;
};

/** Sign-in sessions: the bearer tokens of the API and of the site's cookie. */
export interface SessionStore {
  /** Stores a new token and, in the same transaction, its audit event. */
  issue(token: NewToken, audit: AuditEvent): Promise<void>;
  /** The account a live (unexpired at `now`, unrevoked) token belongs to. */
  userForToken(
    tokenHash: string,
    now: string,
  ): Promise<{ user: UserRow; tokenId: string } | undefined>;
  /** Revokes one live token and records the audit event, if any, in one transaction. */
  revoke(tokenHash: string, at: string, audit?: AuditEvent): Promise<void>;
  /** Whether the account signed in successfully from this address since then (per the audit log). */
  signedInFrom(userId: string, ip: string, since: string): Promise<boolean>;
}
