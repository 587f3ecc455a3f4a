import type { Config } from './config';
import { ensureBootstrapAdmin } from './features/auth/bootstrap-admin';
import { ensureInitialPolicy } from './features/consent/policy-store';
import type { Logger } from './logger';
import type { Storage } from './storage';

/** What a fresh or existing data folder needs before the app serves: the first policy, the admin. */
export async function prepareData(storage: Storage, config: Config, logger: Logger, now: Date) {
  await ensureInitialPolicy(storage, now);
  const admin = await ensureBootstrapAdmin(storage, config.admin, now);
  if (admin === 'created') logger.info('bootstrap admin created');
}
