import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    t.execute('UPDATE materials SET registrable_domain = NULL');

    expect(await backfillRegistrableDomains(t.storage)).toBe(3);
    const domains = await t.rows('materials');
    expect(Object.fromEntries(domains.map((r) => [r.url, r.registrableDomain]))).toEqual({
      'https://a.casino.co.uk/x': 'casino.co.uk',
      'https://user.github.io/p': 'user.github.io',
      'http://10.0.0.7/': '10.0.0.7',
    });
    expect(await backfillRegistrableDomains(t.storage)).toBe(0);
    expect(
      (await t.rows('materials')).filter((m) => m.registrableDomain === 'casino.co.uk'),
    ).toHaveLength(1);
  });
});
