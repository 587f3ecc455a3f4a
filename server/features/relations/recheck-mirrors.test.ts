import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/test-app';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from '../review/testing';
import { casinoPage, newsPage } from './testing/pages';

// Two "sites" on two ports of the test host serve the same casino page under two brands, and a
// third serves a news article: re-checks fetch them, and their bodies relate the materials.
let sites: TestHost[];
beforeAll(async () => {
  sites = await Promise.all(
    [
      casinoPage('Vulkan777'),
      casinoPage('Vulkan-Kz'),
      newsPage('water', { date: '1', ads: [] }),
    ].map((html) => startTestHost((_req, res) => res.end(html))),
  );
});
afterAll(async () => {
  for (const site of sites) await site.close();
});

// Re-checks' storage is on SQLite only so far.
describe('a re-check that finds a blocked page repeated elsewhere', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;

  beforeEach(async () => {
    t = await createTestApp({
      WEBTAGGER_RECHECK_ALLOW_PRIVATE: 'true',
      WEBTAGGER_RECHECK_HOST_INTERVAL_MS: '0',
    });
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
  });
  afterEach(() => t.dispose());

  const recheck = (id: string) =>
    t.app.request(`/api/materials/${id}/recheck`, { method: 'POST', headers: reviewer.auth });

  it('flags the new material as a possible mirror of the blocked one, and not an unrelated page', async () => {
    const blocked = (await report(t, analyst, { url: `${sites[0]!.origin}/` })).materialId;
    await walk(t, reviewer, blocked, ['under_review', 'confirmed', 'sent_for_blocking', 'blocked']);
    expect((await recheck(blocked)).status).toBe(200);
    const mirror = (await report(t, analyst, { url: `${sites[1]!.origin}/ru/` })).materialId;
    const other = (await report(t, analyst, { url: `${sites[2]!.origin}/news` })).materialId;
    expect((await recheck(mirror)).status).toBe(200);
    expect((await recheck(other)).status).toBe(200);

    const related = (await getJson(t, reviewer, `/api/materials/${mirror}/related`)).body;
    expect(related.possibleMirrorOf).toMatchObject({ id: blocked });
    expect(related.sameContent).toMatchObject([{ id: blocked, signal: 'near_same_text' }]);
    expect(
      (await getJson(t, reviewer, `/api/materials/${other}/related`)).body.possibleMirrorOf,
    ).toBeNull();
    const flags = await t.storage.audit.list({ action: 'material.mirror_flagged' }, 10);
    expect(flags.map((f) => f.subjectId)).toEqual([mirror]);
  });
});
