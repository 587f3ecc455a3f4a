import type { Config } from './config';
import { ensureBootstrapAdmin } from './features/auth/bootstrap-admin';
import { ensureInitialPolicy } from './features/consent/policy-store';
import { backfillRegistrableDomains } from './features/relations/domain-backfill';
import type { Logger } from './logger';
import type { Storage } from './storage';

/**
 * What a fresh or existing data folder needs before the app serves: the first policy, the admin,
 * the registrable domains of materials created before they were kept.
 */
export async function prepareData(storage: Storage, config: Config, logger: Logger, now: Date) {
  await ensureInitialPolicy(storage, now);
  const admin = await ensureBootstrapAdmin(storage, config.admin, now);
  if (admin === 'created') logger.info('bootstrap admin created');
  const domains = await backfillRegistrableDomains(storage);
  if (domains > 0) logger.info('registrable domains filled', { materials: domains });
}
