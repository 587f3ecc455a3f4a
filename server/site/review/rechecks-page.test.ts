import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { report, walk } from '../../features/review/testing';
import { createTestApp } from '../../testing/test-app';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let site: TestHost;
beforeAll(async () => {
  site = await startTestHost((_req, res) => res.end('<p>онлайн-казино</p>'));
});
afterAll(() => site.close());

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewerUser: TestUser;
let reviewer: SiteClient;
beforeEach(async () => {
  t = await createTestApp({
    WEBTAGGER_RECHECK_ALLOW_PRIVATE: 'true',
    WEBTAGGER_RECHECK_HOST_INTERVAL_MS: '0',
  });
  analyst = createUser(t);
  reviewerUser = createUser(t, { role: 'reviewer' });
  reviewer = siteClient(t);
  reviewer.signInAs(reviewerUser.id);
});
afterEach(() => t.dispose());

describe('re-checks on the material page', () => {
  it('re-checks on the button and shows the history', async () => {
    const { materialId } = await report(t, analyst, { url: `${site.origin}/p/1` });
    const empty = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    expect(empty.html).toContain('Not re-checked yet.');
    const done = await reviewer.post(`/review/materials/${materialId}/recheck`);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/review/materials/${materialId}?rechecked=1#rechecks`);
    const page = await reviewer.get(`/review/materials/${materialId}?rechecked=1&lang=en`);
    expect(page.html).toContain('The re-check is recorded.');
    expect(page.html).toContain('data-outcome="live"');
    expect(textOf(page.html)).toContain('Reachable');
  });

  it('refuses a re-check posted without the form token', async () => {
    const { materialId } = await report(t, analyst, { url: `${site.origin}/p/2` });
    await reviewer.get(`/review/materials/${materialId}`);
    const before = site.requests();
    const forged = await reviewer.post(
      `/review/materials/${materialId}/recheck`,
      {},
      { token: null },
    );
    expect(forged.status).toBe(403);
    expect(site.requests()).toBe(before);
  });

  it('tells reviewers when a blocked material is reachable again, in ru and kk', async () => {
    const { materialId } = await report(t, analyst, { url: `${site.origin}/p/3` });
    await walk(t, reviewerUser, materialId, [
      'under_review',
      'confirmed',
      'sent_for_blocking',
      'blocked',
    ]);
    await reviewer.get(`/review/materials/${materialId}`);
    await reviewer.post(`/review/materials/${materialId}/recheck`);
    const ru = await reviewer.get(`/review/materials/${materialId}?lang=ru`);
    expect(ru.html).toContain('Заблокированный материал снова доступен');
    const kk = await reviewer.get(`/review/materials/${materialId}?lang=kk`);
    expect(kk.html).toContain('Бұғатталған материал қайтадан қолжетімді');
  });
});

describe('the legal ground on the decision form', () => {
  const decide = async (materialId: string, fields: Record<string, string>) => {
    const page = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    const version = /name="expectedVersion" value="(\d+)"/.exec(page.html)![1]!;
    return reviewer.post(`/review/materials/${materialId}/decision`, {
      comment: 'Обоснование',
      expectedVersion: version,
      ...fields,
    });
  };

  it('offers the grounds the topics suggest first and shows the one chosen in the history', async () => {
    const { materialId } = await report(t, analyst, { topics: ['gambling'] });
    await decide(materialId, { status: 'under_review', comment: '' });
    const form = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    const suggested = /<optgroup label="Suggested by the topics">(.*?)<\/optgroup>/s.exec(
      form.html,
    );
    expect(suggested?.[1]).toContain('value="communications_41_1_p1"');
    expect(suggested?.[1]).toContain('value="criminal_code_307"');

    const done = await decide(materialId, {
      status: 'confirmed',
      legalGround: 'communications_41_1_p1',
    });
    expect(done.status).toBe(303);
    const page = await reviewer.get(`/review/materials/${materialId}?lang=en`);
    const history = textOf(page.html);
    expect(history).toContain('Legal ground: Law');
    expect(history).toContain('On Communications');
    expect(history).toContain('art. 41-1 para. 1:');
  });

  it('asks for the court decision’s number and date and keeps what was typed', async () => {
    const { materialId } = await report(t, analyst, { topics: ['court_ban'] });
    await decide(materialId, { status: 'under_review', comment: '' });
    const refused = await decide(materialId, {
      status: 'confirmed',
      legalGround: 'court_decision',
      courtNumber: '2-1234/2025',
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('a court decision needs its number and date');
    expect(refused.html).toContain('value="2-1234/2025"');
    const accepted = await decide(materialId, {
      status: 'confirmed',
      legalGround: 'court_decision',
      courtNumber: '2-1234/2025',
      courtDate: '2025-02-28',
    });
    expect(accepted.status).toBe(303);
    const page = await reviewer.get(`/review/materials/${materialId}?lang=ru`);
    expect(textOf(page.html)).toContain('№ 2-1234/2025, 2025-02-28');
  });
});
