import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { TEST_APP_ENGINES } from '../../testing/pg-test-app';
import { type JsonAnswer, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import type { createTestApp } from '../../testing/test-app';
import { addUser, type TestUser } from '../../testing/users';
import { knownUrlHashes } from './known-urls-service';

// The routes run on either engine's stores (testing/pg-test-app.ts).
describe.each(TEST_APP_ENGINES)('on $engine', ({ create }) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;

  beforeEach(async () => {
    t = await create();
    analyst = await addUser(t);
  });
  afterEach(() => t.dispose());

  async function knownUrls(user: { auth: Record<string, string> }, cursor?: string) {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const response = await t.app.request(`/api/known-urls${query}`, { headers: user.auth });
    return { status: response.status, body: (await response.json()) as JsonAnswer };
  }

  describe('known-urls', () => {
    it('lists the key hash of every material once, whoever reported it', async () => {
      const a = sampleReport({ url: 'https://example.kz/a?utm_source=x' });
      const b = sampleReport({ url: 'https://www.example.kz/a' });
      const c = sampleReport({ url: 'https://example.kz/c' });
      await pushAs(t, analyst, [upsertOf(a), upsertOf(c)]);
      await pushAs(t, await addUser(t), [upsertOf(b)]);
      const { status, body } = await knownUrls(await addUser(t, { consent: false }));
      expect(status).toBe(200);
      expect(body.hasMore).toBe(false);
      expect(body.hashes).toEqual([
        urlKeyHash(canonicalUrl(a.url)),
        urlKeyHash(canonicalUrl(c.url)),
      ]);
    });

    it('answers only the materials added after a kept cursor', async () => {
      await pushAs(t, analyst, [upsertOf(sampleReport())]);
      const first = await knownUrls(analyst);
      const later = sampleReport();
      await pushAs(t, analyst, [upsertOf(later)]);
      const next = await knownUrls(analyst, first.body.cursor);
      expect(next.body.hashes).toEqual([urlKeyHash(canonicalUrl(later.url))]);
    });

    it('pages with hasMore', async () => {
      await pushAs(
        t,
        analyst,
        Array.from({ length: 5 }, () => upsertOf(sampleReport())),
      );
      const first = await knownUrlHashes(t.storage, 0, 3);
      const second = await knownUrlHashes(t.storage, first.lastSeq, 3);
      expect([first.hashes.length, first.hasMore, second.hashes.length, second.hasMore]).toEqual([
        3,
        true,
        2,
        false,
      ]);
      expect(new Set([...first.hashes, ...second.hashes]).size).toBe(5);
    });

    it('needs a signed-in user and refuses a garbled cursor', async () => {
      expect((await knownUrls({ auth: {} })).status).toBe(401);
      const garbled = await knownUrls(analyst, 'not a cursor');
      expect([garbled.status, garbled.body.error.code]).toEqual([400, 'validation_failed']);
    });
  });
});
