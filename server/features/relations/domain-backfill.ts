import type { Storage } from '../../storage';
import { registrableDomain } from './registrable-domain';

const BATCH = 500;

/**
 * Gives the materials created before registrable domains were kept their domain, a batch at a
 * time (the Public Suffix List is code, so the migration could not). Run at start; answers how
 * many it filled.
 */
export async function backfillRegistrableDomains(storage: Pick<Storage, 'relations'>) {
  let filled = 0;
  for (;;) {
    const rows = await storage.relations.withoutDomain(BATCH);
    if (rows.length === 0) return filled;
    await storage.relations.setDomains(
      rows.map((row) => ({ id: row.id, domain: registrableDomain(row.url) })),
    );
    filled += rows.length;
  }
}
