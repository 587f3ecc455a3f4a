import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonAnswer } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report, walk } from '../review/testing';

let site: TestHost;
let removed = false;
beforeAll(async () => {
  site = await startTestHost((req, res) => {
    if (req.url?.startsWith('/page') && !removed) res.end('<p>онлайн-казино</p>');
    else res.writeHead(404).end();
  });
});
afterAll(() => site.close());

describe('re-check endpoints with private targets allowed (as in tests)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let analyst: TestUser;
  let reviewer: TestUser;
  let materialId: string;

  beforeEach(async () => {
    t = await createTestApp({
      WEBTAGGER_RECHECK_ALLOW_PRIVATE: 'true',
      WEBTAGGER_RECHECK_HOST_INTERVAL_MS: '0',
    });
    analyst = createUser(t);
    reviewer = createUser(t, { role: 'reviewer' });
    materialId = (await report(t, analyst, { url: `${site.origin}/page/1` })).materialId;
    removed = false;
  });
  afterEach(() => t.dispose());

  const recheck = async (caller: TestUser, id = materialId) => {
    const response = await t.app.request(`/api/materials/${id}/recheck`, {
      method: 'POST',
      headers: caller.auth,
    });
    return { status: response.status, json: async () => (await response.json()) as JsonAnswer };
  };

  it('checks a material now and keeps the history, newest first', async () => {
    const first = await recheck(reviewer);
    expect(first.status).toBe(200);
    const live = (await first.json()).check;
    expect(live).toMatchObject({ outcome: 'live', httpStatus: 200, trigger: 'on_demand' });
    expect(live.contentSha256).toMatch(/^[0-9a-f]{64}$/);

    t.advance(60_000);
    removed = true;
    const second = (await (await recheck(reviewer)).json()).check;
    expect(second).toMatchObject({ outcome: 'removed', httpStatus: 404, detail: 'http_404' });

    const { status, body } = await getJson(t, reviewer, `/api/materials/${materialId}/rechecks`);
    expect(status).toBe(200);
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual([second.id, live.id]);
    expect(body.checks[0].at > body.checks[1].at).toBe(true);
  });

  it('flags a blocked material found live again with the suggestion restored', async () => {
    await walk(t, reviewer, materialId, [
      'under_review',
      'confirmed',
      'sent_for_blocking',
      'blocked',
    ]);
    const { check } = await (await recheck(reviewer)).json();
    expect(check).toMatchObject({ outcome: 'live', suggestion: 'restored' });
    const flagged = await t.rows('auditEvents');
    expect(flagged.filter((e) => e.action === 'material.recheck_found_live')).toHaveLength(1);
  });

  it('does not suggest restored for a material that is not blocked', async () => {
    const { check } = await (await recheck(reviewer)).json();
    expect(check.suggestion).toBeUndefined();
  });

  it('keeps analysts out and answers not_found for an unknown material', async () => {
    expect((await recheck(analyst)).status).toBe(403);
    expect((await getJson(t, analyst, `/api/materials/${materialId}/rechecks`)).status).toBe(403);
    const unknown = await recheck(reviewer, '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });
});

describe('re-check endpoint with the SSRF guard on (the default)', () => {
  it('answers refused for a loopback material and never connects to it', async () => {
    const t = await createTestApp();
    try {
      const analyst = createUser(t);
      const reviewer = createUser(t, { role: 'reviewer' });
      const { materialId } = await report(t, analyst, { url: `${site.origin}/page/2` });
      const before = site.connections();
      const answer = await t.app.request(`/api/materials/${materialId}/recheck`, {
        method: 'POST',
        headers: reviewer.auth,
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as JsonAnswer).check).toMatchObject({
        outcome: 'refused',
        detail: 'forbidden_address:loopback',
      });
      expect(site.connections()).toBe(before);
    } finally {
      t.dispose();
    }
  });
});
