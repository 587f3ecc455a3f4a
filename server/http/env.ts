import type { Config } from '../config';
import type { RecheckEngine } from '../features/rechecks/recheck-engine';
import type { Logger } from '../logger';
import type { Storage } from '../storage';
import type { UserRow } from '../storage/accounts-store';

/** What the app is built from: tests build the same app on a temporary data folder. */
export type AppDeps = {
  storage: Storage;
  config: Config;
  logger: Logger;
  /** The current time; tests move it to exercise expiry and retention. */
  now: () => Date;
  /** Background work the app may hurry along (the time-stamp schedule, when it runs). */
  evidenceJobs?: { kick(): void };
  /** The reachability re-check client (SSRF-guarded); tests build it with their own DNS. */
  recheck: RecheckEngine;
};

/** Hono's environment for every route: the signed-in user once requireUser has run. */
export type AppEnv = {
  Variables: {
    user: UserRow;
    token: string;
  };
};

/** What the HTTP server hands the app with each request, beside Node's own request and response. */
export type ServerBindings = {
  /** The client's address: the connection's peer, or what a trusted proxy forwarded. */
  clientAddress: string;
};
