import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Account,
  createAccount,
  type FileUpload,
  pushReports,
  registerPending,
  signIn,
  signInAdmin,
} from './accounts';
import {
  adminUsersAnswer,
  auditAnswer,
  disclosureAnswer,
  materialDetailAnswer,
  materialsAnswer,
  statsAnswer,
} from './answers';
import { type Api, expectAnswer, expectError, startServer } from './client';
import { newReport, PDF, PNG } from './fixtures';
import { decide, materialOf } from './review';

// api.md, Review (reviewers, admins) and Administration (admins).

let api: Api;
let adminToken: string;
let reviewer: Account;
let analysts: Account[];

// Four reports of three materials: the first two name one material in two forms of its URL.
const first = newReport({
  url: 'https://news.example.kz/post/1',
  resourceType: 'social_post',
  geography: { indicated: true, country: 'KZ', region: 'KZ-75' },
});
const sameMaterial = newReport({
  url: 'http://www.news.example.kz/post/1/',
  resourceType: 'social_post',
  languages: ['kk'],
  topics: ['drugs', 'fraud'],
});
const casino = newReport({
  url: 'https://shop.example.kz/item/7',
  title: 'Онлайн-казино Зеркало',
  resourceType: 'marketplace_listing',
  languages: ['ru', 'en'],
  topics: ['fraud'],
  geography: { indicated: true, country: 'KZ', region: 'KZ-71' },
});
const channel = newReport({
  url: 'https://t.me/contract_channel',
  topics: ['gambling'],
  geography: { indicated: true, country: 'KZ' },
});
let today: string;

beforeAll(async () => {
  api = await startServer();
  adminToken = await signInAdmin(api);
  const [a, b, r] = await Promise.all([
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'reviewer'),
  ]);
  analysts = [a!, b!];
  reviewer = r!;
  const [stored] = await pushReports(api, a!.token, [first, casino]);
  await pushReports(api, b!.token, [sameMaterial, channel]);
  today = stored!.createdAt.slice(0, 10);
});
afterAll(() => api?.stop());

const get = (path: string, token = reviewer.token) => api.request('GET', path, { token });
const byKey = (buckets: { key: string; count: number }[]) =>
  Object.fromEntries(buckets.map((b) => [b.key, b.count]));

describe('GET /api/stats', () => {
  const stats = async (query: string) =>
    byKey(expectAnswer(await get(`/api/stats?${query}`), 200, statsAnswer).buckets);

  it('counts reports by topic, language and resource type as { buckets: [{ key, count }] }', async () => {
    expect(await stats('by=topic')).toEqual({ drugs: 2, fraud: 2, gambling: 1 });
    expect(await stats('by=language')).toEqual({ ru: 3, kk: 1, en: 1 });
    expect(await stats('by=resourceType')).toEqual({
      social_post: 2,
      marketplace_listing: 1,
      messenger_channel: 1,
    });
  });

  it('counts reports by region of Kazakhstan', async () => {
    const regions = Object.entries(await stats('by=region')).filter(([key]) =>
      key.startsWith('KZ'),
    );
    expect(Object.fromEntries(regions)).toEqual({ 'KZ-75': 1, 'KZ-71': 1 });
  });

  it('counts materials by their review status, and reports by day', async () => {
    expect(await stats('by=status')).toEqual({ submitted: 3 });
    expect(await stats('by=day')).toEqual({ [today]: 4 });
  });

  it('counts only the period from–to', async () => {
    expect(await stats('by=topic&from=2000-01-01&to=2000-12-31')).toEqual({});
    expect(await stats(`by=topic&from=${today}&to=${today}`)).toEqual({
      drugs: 2,
      fraud: 2,
      gambling: 1,
    });
  });

  it('answers 400 validation_failed to an unknown by, no by, or from after to', async () => {
    for (const query of ['by=colour', '', 'by=topic&from=2026-02-01&to=2026-01-01']) {
      expectError(await get(`/api/stats?${query}`), 400, 'validation_failed');
    }
  });
});

describe('GET /api/materials', () => {
  const list = async (query = '') =>
    expectAnswer(await get(`/api/materials${query}`), 200, materialsAnswer);

  it('lists one material per URL key with its report count and latest status', async () => {
    const { materials } = await list();
    expect(materials).toHaveLength(3);
    const shared = materials.find((m) => m.urlKey === 'https://news.example.kz/post/1');
    expect(shared).toMatchObject({ reportCount: 2, status: 'submitted' });
  });

  it('filters by topic, by status, and by text or any form of a URL (q)', async () => {
    const urlsOf = async (query: string) => (await list(query)).materials.map((m) => m.urlKey);
    expect(await urlsOf('?topic=gambling')).toEqual(['https://t.me/contract_channel']);
    expect(await urlsOf('?status=submitted')).toHaveLength(3);
    expect(await urlsOf('?status=confirmed')).toEqual([]);
    expect(await urlsOf(`?q=${encodeURIComponent('Зеркало')}`)).toEqual([
      'https://shop.example.kz/item/7',
    ]);
    const otherForm = 'http://news.example.kz/post/1?utm_source=contract';
    expect(await urlsOf(`?q=${encodeURIComponent(otherForm)}`)).toEqual([
      'https://news.example.kz/post/1',
    ]);
  });

  it('pages with the cursor until hasMore is false, each material once', async () => {
    const seen: string[] = [];
    let query = '?limit=1';
    for (let page = 0; page < 3; page++) {
      const answer = await list(query);
      seen.push(...answer.materials.map((m) => m.id));
      expect(answer.hasMore).toBe(page < 2);
      query = `?limit=1&cursor=${encodeURIComponent(answer.cursor ?? '')}`;
    }
    expect(new Set(seen).size).toBe(3);
  });

  it('answers 400 validation_failed to an unknown status or topic', async () => {
    expectError(await get('/api/materials?status=lost'), 400, 'validation_failed');
    expectError(await get('/api/materials?topic=weather'), 400, 'validation_failed');
  });
});

describe('POST /api/materials/:id/decision and GET /api/materials/:id', () => {
  it('takes a decision with the current expectedVersion (200) and a stale one answers 409', async () => {
    const material = await materialOf(api, reviewer.token, first.url);
    const step = { status: 'under_review', comment: '', expectedVersion: material.version };
    expect((await decide(api, reviewer.token, material.id, step)).status).toBe(200);
    const stale = { status: 'confirmed', comment: 'Seen', expectedVersion: material.version };
    expectError(await decide(api, reviewer.token, material.id, stale), 409, 'conflict');
  });

  it('walks the workflow to blocked and restored, and refuses steps it does not allow', async () => {
    const material = await materialOf(api, reviewer.token, first.url);
    let version = material.version;
    for (const status of ['confirmed', 'sent_for_blocking', 'blocked', 'restored']) {
      const step = { status, comment: `Step to ${status}`, expectedVersion: version };
      expect((await decide(api, reviewer.token, material.id, step)).status).toBe(200);
      version = (await materialOf(api, reviewer.token, first.url)).version;
    }
    const back = { status: 'submitted', comment: 'Back', expectedVersion: version };
    expectError(await decide(api, reviewer.token, material.id, back), 409, 'conflict');
    const other = await materialOf(api, reviewer.token, casino.url);
    const leap = { status: 'blocked', comment: 'Leap', expectedVersion: other.version };
    expectError(await decide(api, reviewer.token, other.id, leap), 409, 'conflict');
  });

  it('answers 400 validation_failed to an unknown status', async () => {
    const material = await materialOf(api, reviewer.token, channel.url);
    const step = { status: 'archived', comment: 'x', expectedVersion: material.version };
    expectError(await decide(api, reviewer.token, material.id, step), 400, 'validation_failed');
  });

  it('shows the material with its reports and its status history', async () => {
    const { id } = await materialOf(api, reviewer.token, first.url);
    const detail = expectAnswer(await get(`/api/materials/${id}`), 200, materialDetailAnswer);
    expect(detail.material).toMatchObject({ id, status: 'restored', reportCount: 2 });
    expect(detail.reports.map((r) => r.id).sort()).toEqual([first.id, sameMaterial.id].sort());
    expect(detail.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ['submitted', 'under_review'],
      ['under_review', 'confirmed'],
      ['confirmed', 'sent_for_blocking'],
      ['sent_for_blocking', 'blocked'],
      ['blocked', 'restored'],
    ]);
    expect(detail.history[4]!.comment).toBe('Step to restored');
    const filtered = await get('/api/materials?status=restored');
    expect(expectAnswer(filtered, 200, materialsAnswer).materials.map((m) => m.id)).toEqual([id]);
  });

  it('answers 404 not_found for a material that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectError(await get(`/api/materials/${missing}`), 404, 'not_found');
    const step = { status: 'under_review', comment: '', expectedVersion: 1 };
    expectError(await decide(api, reviewer.token, missing, step), 404, 'not_found');
  });
});

describe('GET /api/admin/users and POST /api/admin/users/:id/approve · /block', () => {
  const documents: FileUpload[] = [
    { bytes: PDF, name: 'order.pdf', type: 'application/pdf' },
    { bytes: PNG, name: 'card.png', type: 'image/png' },
  ];
  let pending: { id: string; email: string; password: string };

  beforeAll(async () => {
    pending = await registerPending(api, documents);
  });

  const pendingUsers = async () =>
    expectAnswer(await get('/api/admin/users?status=pending', adminToken), 200, adminUsersAnswer)
      .users;

  it("lists pending accounts with their documents' metadata", async () => {
    const users = await pendingUsers();
    expect(users.every((u) => u.status === 'pending')).toBe(true);
    const listed = users.find((u) => u.id === pending.id);
    expect(listed?.documents.map((d) => `${d.mime} ${d.bytes}`).sort()).toEqual([
      `application/pdf ${PDF.byteLength}`,
      `image/png ${PNG.byteLength}`,
    ]);
  });

  it('approves with 200: the account signs in and leaves the pending list', async () => {
    const approve = `/api/admin/users/${pending.id}/approve`;
    expect((await api.request('POST', approve, { token: adminToken })).status).toBe(200);
    expect(await signIn(api, pending.email, pending.password)).toBeTruthy();
    expect((await pendingUsers()).map((u) => u.id)).not.toContain(pending.id);
  });

  it('blocks with 200: the account can no longer sign in or use its tokens', async () => {
    const token = await signIn(api, pending.email, pending.password);
    const block = `/api/admin/users/${pending.id}/block`;
    expect((await api.request('POST', block, { token: adminToken })).status).toBe(200);
    const login = await api.request('POST', '/api/auth/login', {
      json: { email: pending.email, password: pending.password },
    });
    expectError(login, 403, 'account_blocked');
    const me = await api.request('GET', '/api/me', { token });
    // api.md names no answer for a blocked account's token: revoked (401) or blocked (403).
    const revoked = me.status === 401;
    expectError(me, revoked ? 401 : 403, revoked ? 'unauthorized' : 'account_blocked');
  });

  it('answers 404 not_found for an account that does not exist', async () => {
    const path = '/api/admin/users/00000000-0000-4000-8000-000000000000/approve';
    expectError(await api.request('POST', path, { token: adminToken }), 404, 'not_found');
  });
});

describe('POST /api/admin/disclosures', () => {
  const request = (scope: unknown) => ({
    recipient: 'Департамент полиции г. Алматы',
    basis: 'Мотивированный запрос по уголовному делу',
    requestNumber: '12-34/567',
    requestDate: '2026-01-15',
    scope,
  });

  it('records a disclosure with 201 and answers with the exported data', async () => {
    const material = await materialOf(api, reviewer.token, first.url);
    const answer = await api.request('POST', '/api/admin/disclosures', {
      token: adminToken,
      json: request({ materialIds: [material.id] }),
    });
    const { data } = expectAnswer(answer, 201, disclosureAnswer);
    expect(data.materials.map((m) => m.id)).toEqual([material.id]);
    expect(data.reports.map((r) => r.id).sort()).toEqual([first.id, sameMaterial.id].sort());
  });

  it('answers 400 validation_failed without a basis', async () => {
    const { basis: _, ...withoutBasis } = request({ userIds: [analysts[0]!.id] });
    const answer = await api.request('POST', '/api/admin/disclosures', {
      token: adminToken,
      json: withoutBasis,
    });
    expectError(answer, 400, 'validation_failed');
  });
});

describe('GET /api/admin/audit', () => {
  it('lists audit events and pages through all of them with the cursor', async () => {
    const ids: number[] = [];
    let query = '?limit=7';
    for (let page = 0; page < 100; page++) {
      const answer = expectAnswer(
        await get(`/api/admin/audit${query}`, adminToken),
        200,
        auditAnswer,
      );
      ids.push(...answer.events.map((e) => e.id));
      if (!answer.hasMore) break;
      query = `?limit=7&cursor=${encodeURIComponent(answer.cursor ?? '')}`;
    }
    expect(ids.length).toBeGreaterThan(14);
    expect(new Set(ids).size).toBe(ids.length);
    const everything = expectAnswer(
      await get('/api/admin/audit?limit=500', adminToken),
      200,
      auditAnswer,
    );
    expect(everything.events.map((e) => e.id)).toEqual(ids);
  });

  it('answers 400 validation_failed to a cursor it never gave', async () => {
    expectError(
      await get('/api/admin/audit?cursor=yesterday', adminToken),
      400,
      'validation_failed',
    );
  });
});
