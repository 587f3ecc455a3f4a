import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report, walk } from '../../features/review/testing';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { type SiteClient, siteClient } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let anna: SiteClient;
let annaUser: TestUser;
let boris: SiteClient;
let borisUser: TestUser;
let ids: string[];

beforeEach(async () => {
  t = await createTestApp();
  const analyst = createUser(t);
  anna = siteClient(t);
  annaUser = createUser(t, { role: 'reviewer', fullName: 'Анна Ревизорова' });
  anna.signInAs(annaUser.id);
  borisUser = createUser(t, { role: 'reviewer', fullName: 'Борис Проверкин' });
  boris = siteClient(t);
  boris.signInAs(borisUser.id);
  ids = [];
  for (const title of ['Казино А', 'Казино Б', 'Казино В']) {
    ids.push((await report(t, analyst, { title })).materialId);
    t.advance(60_000);
  }
});
afterEach(() => t.dispose());

describe('triage on the site', () => {
  it('claims from the material page, shows the holder to others, and skips it in their next', async () => {
    const newest = ids[2]!;
    await anna.get(`/review/materials/${newest}`);
    const claimed = await anna.post(`/review/materials/${newest}/claim`, {});
    expect(claimed.location).toBe(`/review/materials/${newest}?claim=claimed#claim`);
    const queue = await boris.get('/review?lang=en');
    expect(queue.html).toContain('Анна Ревизорова, since 2026-11-24');
    const next = await boris.get('/review/next?lang=en');
    expect(next.location).toBe(`/review/materials/${ids[1]}`);
    // Boris is offered neither to claim it nor a decision form, which would only be refused:
    // he reads who decides it. Anna, who holds it, has the form.
    const othersPage = await boris.get(`/review/materials/${newest}?lang=en`);
    expect(othersPage.html).not.toContain('data-key="claim"');
    expect(othersPage.html).not.toContain(`action="/review/materials/${newest}/decision"`);
    expect(othersPage.html).toContain(
      'The decision is made by whoever holds the material: Анна Ревизорова (since 2026-11-24',
    );
    const holdersPage = await anna.get(`/review/materials/${newest}?lang=en`);
    expect(holdersPage.html).toContain(`action="/review/materials/${newest}/decision"`);
    expect(holdersPage.html).not.toContain('The decision is made by whoever holds');
    // Boris, with a page opened before the claim, is told who was first.
    await boris.get(`/review/materials/${newest}?lang=en`);
    const refused = await boris.post(`/review/materials/${newest}/claim`, {});
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Another reviewer claimed this material first: Анна Ревизорова');
    // The filter and sort travel with "next"; nothing left says so.
    const last = await boris.get(`/review/next?sort=title&dir=asc&after=${ids[1]}`);
    expect(last.location).toBe('/review?sort=title&dir=asc&noneLeft=1');
  });

  it('assigns to another reviewer, whose claim only an admin then releases', async () => {
    const [id] = ids;
    await anna.get(`/review/materials/${id}`);
    const assigned = await anna.post(`/review/materials/${id}/claim`, { userId: borisUser.id });
    expect(assigned.location).toContain('claim=assigned');
    const page = await anna.get(`/review/materials/${id}?lang=en`);
    expect(page.html).toContain('Борис Проверкин, since');
    expect(page.html).toContain('assigned by Анна Ревизорова');
    // Boris holds it now: Anna is offered neither to release nor to reassign it, nor anything
    // that carries the claim's version.
    expect(page.html).not.toContain(`/review/materials/${id}/release`);
    expect(page.html).not.toContain('name="expectedVersion"');
    const admin = siteClient(t);
    const adminUser = createUser(t, { role: 'admin' });
    admin.signInAs(adminUser.id);
    const adminPage = await admin.get(`/review/materials/${id}?lang=en`);
    expect(adminPage.html).toContain(`/review/materials/${id}/release`);
    // An admin releases it or assigns it to a third reviewer, but does not take it over.
    expect(adminPage.html).not.toContain('data-key="claim"');
    expect(adminPage.html).toContain(`<option value="${annaUser.id}">`);
    expect(adminPage.html).not.toContain(`<option value="${adminUser.id}">`);
    const version = /name="expectedVersion" value="(\d+)"/.exec(adminPage.html)![1]!;
    // Sent anyway, with the claim's current version, Anna's release is refused.
    const refused = await anna.post(`/review/materials/${id}/release`, {
      expectedVersion: version,
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Another reviewer claimed this material first: Борис Проверкин');
    const released = await admin.post(`/review/materials/${id}/release`, {
      expectedVersion: version,
    });
    expect(released.location).toContain('claim=released');
  });

  it("refuses a decision on another reviewer's material, naming who decides it", async () => {
    const [id] = ids;
    await boris.get(`/review/materials/${id}`);
    await boris.post(`/review/materials/${id}/claim`, {});
    await anna.get(`/review/materials/${id}?lang=ru`);
    const refused = await anna.post(`/review/materials/${id}/decision?lang=ru`, {
      status: 'under_review',
      comment: '',
      expectedVersion: '1',
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain('Материал в работе у другого проверяющего: Борис Проверкин, с ');
    expect((await t.storage.review.materialFile(id!))!.material.version).toBe(1);
  });

  it('decides on a selection, listing the one that changed meanwhile and applying the rest', async () => {
    const queue = await anna.get('/review?lang=en');
    expect(queue.html).toContain('form="selection"');
    await walk(t, { auth: borisUser.auth }, ids[0]!, ['under_review']);
    await boris.get(`/review/materials/${ids[2]}`);
    await boris.post(`/review/materials/${ids[2]}/claim`, {});
    const result = await anna.post('/review/decisions?lang=en', {
      decision: 'under_review',
      comment: '',
      material: ids,
      ...Object.fromEntries(ids.map((id) => [`version-${id}`, '1'])),
    });
    expect(result.status).toBe(200);
    expect(result.html).toContain('Applied to 1 of 3 materials.');
    expect(result.html).toContain(`data-material="${ids[0]}" data-outcome="changed"`);
    expect(result.html).toContain(`data-material="${ids[1]}" data-outcome="applied"`);
    expect(result.html).toContain(`data-material="${ids[2]}" data-outcome="claimed"`);
    expect(result.html).toMatch(
      /Held by another reviewer: not applied<span class="meta">\s*\(Борис Проверкин\)/,
    );
    const none = await anna.post('/review/decisions?lang=en', { decision: 'rejected' });
    expect(none.status).toBe(400);
    expect(none.html).toContain('Select at least one material.');
    const forged = await anna.post('/review/decisions', { decision: 'x' }, { token: null });
    expect(forged.status).toBe(403);
  });

  it('saves, applies and deletes a filter with its sort; drafts a notice of the selection', async () => {
    await anna.get('/review');
    const saved = await anna.post('/review/filters', {
      name: 'Казино <b>по заголовку</b>',
      query: 'sort=title&dir=asc&topic=gambling',
    });
    expect(saved.location).toBe('/review?topic=gambling&sort=title&dir=asc&saved=1');
    const queue = await anna.get('/review?topic=gambling&sort=title&dir=asc&lang=en');
    expect(queue.html).toContain('Казино &lt;b&gt;по заголовку&lt;/b&gt;');
    expect(queue.html).toContain('aria-sort="ascending"');
    const rows = [...queue.html.matchAll(/<tr data-material="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(ids);
    const filterId = /action="\/review\/filters\/([0-9a-f-]{36})\/delete"/.exec(queue.html)![1];
    expect((await boris.get('/review?lang=en')).html).not.toContain('по заголовку');
    const deleted = await anna.post(`/review/filters/${filterId}/delete`, {});
    expect(deleted.location).toBe('/review?deleted=1');
    const analyst = siteClient(t);
    analyst.signInAs(createUser(t).id);
    expect((await analyst.get('/review/next')).status).toBe(403);
    const notice = await anna.post('/review/selection/notice', { material: [ids[0]!, ids[1]!] });
    expect(notice.location).toBe(`/review/notices/new?material=${ids[0]}&material=${ids[1]}`);
  });
});
