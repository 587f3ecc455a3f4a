import type { Config } from '../config';
import type { Storage } from '../db/open';
import type { UserRow } from '../db/schema';
import type { RecheckEngine } from '../features/rechecks/recheck-engine';
import type { Logger } from '../logger';

/** What the app is built from: tests build the same app on a temporary data folder. */
export type AppDeps = {
  storage: Storage;
  config: Config;
  logger: Logger;
  /** The current time; tests move it to exercise expiry and retention. */
  now: () => Date;
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
