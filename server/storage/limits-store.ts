/**
 * Failed attempts the abuse limits count (sign-in, registration), kept where every process on
 * the database sees them. Times are ISO strings.
 */
export interface LimitStore {
  /** The times of the key's failures in `log` after `since`, newest first, at most `limit`. */
  failures(log: string, key: string, since: string, limit: number): Promise<string[]>;
  /** Counts one failure of the key; failures of any key before `forgetBefore` may be dropped. */
  recordFailure(log: string, key: string, at: string, forgetBefore: string): Promise<void>;
  /** Drops every failure before `before`, of every log: they hold client addresses. */
  forget(before: string): Promise<void>;
}
