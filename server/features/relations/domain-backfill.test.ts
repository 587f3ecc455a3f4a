import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { materials } from '../../db/schema';
import { pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { backfillRegistrableDomains } from './domain-backfill';

describe('registrable domain backfill', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.dispose());

  it('fills the materials created before domains were kept, once', async () => {
    const analyst = createUser(t);
    const urls = ['https://a.casino.co.uk/x', 'https://user.github.io/p', 'http://10.0.0.7/'];
    await pushAs(
      t,
      analyst,
      urls.map((url) => upsertOf(sampleReport({ url }))),
    );
    // As rows stood before the migration added the column.
    t.sqlite.db.update(materials).set({ registrableDomain: null }).run();

    expect(await backfillRegistrableDomains(t.storage)).toBe(3);
    const domains = t.sqlite.db
      .select({ url: materials.url, domain: materials.registrableDomain })
      .from(materials)
      .all();
    expect(Object.fromEntries(domains.map((r) => [r.url, r.domain]))).toEqual({
      'https://a.casino.co.uk/x': 'casino.co.uk',
      'https://user.github.io/p': 'user.github.io',
      'http://10.0.0.7/': '10.0.0.7',
    });
    expect(await backfillRegistrableDomains(t.storage)).toBe(0);
    expect(
      t.sqlite.db
        .select()
        .from(materials)
        .where(eq(materials.registrableDomain, 'casino.co.uk'))
        .all(),
    ).toHaveLength(1);
  });
});
