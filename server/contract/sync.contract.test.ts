import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Account, createAccount, pushReports, signIn, signInAdmin } from './accounts';
import { knownUrlsAnswer, pullAnswer, pushAnswer, type StoredReport } from './answers';
import { type Api, expectAnswer, expectError, startServer } from './client';
import {
  deleteOf,
  JPEG,
  MIB,
  newReport,
  PNG,
  padded,
  type ReportBody,
  sha256Hex,
  uniquePng,
  upsertOf,
} from './fixtures';
import { takeIntoReview } from './review';

// api.md, Sync (analysts): push, pull, known-urls and evidence.

let api: Api;
let adminToken: string;
let analyst: Account;
let other: Account;
let reviewer: Account;
/** The token of an analyst who withdrew consent and signed in again. */
let withoutConsent: string;

beforeAll(async () => {
  api = await startServer();
  adminToken = await signInAdmin(api);
  let withdrawing: Account;
  [analyst, other, reviewer, withdrawing] = await Promise.all([
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'analyst'),
    createAccount(api, adminToken, 'reviewer'),
    createAccount(api, adminToken, 'analyst'),
  ]);
  const withdrawal = await api.request('DELETE', '/api/consent', { token: withdrawing.token });
  expect(withdrawal.status).toBe(200);
  withoutConsent = await signIn(api, withdrawing.email, withdrawing.password);
});
afterAll(() => api?.stop());

type Mutation = { id: string } & Record<string, unknown>;
const pushAs = (token: string, mutations: Mutation[]) =>
  api.request('POST', '/api/sync/push', {
    token,
    json: { deviceId: 'contract-device', mutations },
  });
const resultsOf = async (token: string, mutations: Mutation[]) =>
  expectAnswer(await pushAs(token, mutations), 200, pushAnswer).results;
const pull = async (token: string, query = '') =>
  expectAnswer(await api.request('GET', `/api/sync/pull${query}`, { token }), 200, pullAnswer);
const idsOf = (changes: { id: string }[]) => changes.map((c) => c.id);

describe('POST /api/sync/push', () => {
  it('applies an upsert and answers the report with the fields the server adds', async () => {
    const report = newReport({
      geography: { indicated: true, country: 'KZ', region: 'KZ-75', locality: 'Алматы' },
      evidence: { sha256: sha256Hex(PNG), mime: 'image/png', bytes: PNG.byteLength },
    });
    const mutation = upsertOf(report);
    const [result] = await resultsOf(analyst.token, [mutation]);
    expect(result).toMatchObject({ id: mutation.id, status: 'applied' });
    const stored = result!.report as StoredReport & Record<string, unknown>;
    expect(stored).toMatchObject({
      ...report,
      status: 'submitted',
      version: 1,
      userId: analyst.id,
    });
    expect(stored.urlKey).toBe(report.url);
  });

  it('answers every mutation in the order sent; a rejected one does not stop the others', async () => {
    const kept = newReport();
    await pushReports(api, analyst.token, [kept]);
    const mutations = [
      upsertOf(newReport()),
      upsertOf(newReport({ url: 'ftp://example.kz/file' })),
      deleteOf(kept.id),
      upsertOf(newReport({ note: 'Контакт автора: +7 701 234 56 78' })),
      upsertOf(newReport()),
    ];
    const results = await resultsOf(analyst.token, mutations);
    expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
      [mutations[0]!.id, 'applied', undefined],
      [mutations[1]!.id, 'rejected', 'validation_failed'],
      [mutations[2]!.id, 'applied', undefined],
      [mutations[3]!.id, 'rejected', 'third_party_personal_data'],
      [mutations[4]!.id, 'applied', undefined],
    ]);
  });

  it('answers duplicate to a mutation id it already applied, and changes nothing', async () => {
    const report = newReport();
    const mutation = upsertOf(report);
    await resultsOf(analyst.token, [mutation]);
    const retried = { ...mutation, report: { ...report, title: 'Another title' } };
    const [result] = await resultsOf(analyst.token, [retried]);
    expect(result).toMatchObject({ id: mutation.id, status: 'duplicate' });
    const mine = (await pull(analyst.token)).changes.find((c) => c.id === report.id);
    expect(mine).toMatchObject({ title: report.title, version: 1 });
  });

  it('rejects third-party personal data with third_party_personal_data and its findings', async () => {
    const phone = '+7 701 234 56 78';
    const note = `Контакт автора: ${phone}`;
    const [result] = await resultsOf(analyst.token, [upsertOf(newReport({ note }))]);
    expect(result).toMatchObject({ status: 'rejected', code: 'third_party_personal_data' });
    expect(result!.findings).toHaveLength(1);
    const { kind, start, end } = result!.findings![0]!;
    expect([kind, note.slice(start, end)]).toEqual(['phone', phone]);
  });

  it('rejects a report that breaks the rules of its fields with validation_failed', async () => {
    const broken = [
      newReport({ url: 'javascript:alert(1)' }),
      newReport({ url: `https://example.kz/${'a'.repeat(2048)}` }),
      newReport({ title: 'x'.repeat(501) }),
      newReport({ note: 'x'.repeat(2001) }),
      newReport({ topics: [] }),
      newReport({ source: 'clipboard' }),
      newReport({ resourceType: 'blog' }),
    ];
    const results = await resultsOf(analyst.token, broken.map(upsertOf));
    expect(results.map((r) => `${r.status} ${r.code}`)).toEqual(
      broken.map(() => 'rejected validation_failed'),
    );
  });

  it('rejects a change to a report whose material is under review with conflict', async () => {
    const report = newReport();
    await pushReports(api, analyst.token, [report]);
    await takeIntoReview(api, reviewer.token, report.url);
    const results = await resultsOf(analyst.token, [
      upsertOf({ ...report, title: 'Edited' }),
      deleteOf(report.id),
    ]);
    expect(results.map((r) => `${r.status} ${r.code}`)).toEqual([
      'rejected conflict',
      'rejected conflict',
    ]);
  });

  it("rejects a change to another user's report with forbidden", async () => {
    const report = newReport();
    await pushReports(api, analyst.token, [report]);
    const results = await resultsOf(other.token, [
      upsertOf({ ...report, title: 'Taken over' }),
      deleteOf(report.id),
    ]);
    expect(results.map((r) => `${r.status} ${r.code}`)).toEqual([
      'rejected forbidden',
      'rejected forbidden',
    ]);
  });

  it('takes 1 to 500 mutations and answers 400 validation_failed to none or 501', async () => {
    const deletes = (n: number) => Array.from({ length: n }, () => deleteOf(randomUUID()));
    expect(await resultsOf(analyst.token, deletes(500))).toHaveLength(500);
    expectError(await pushAs(analyst.token, deletes(501)), 400, 'validation_failed');
    expectError(await pushAs(analyst.token, []), 400, 'validation_failed');
  });

  it('answers 400 validation_failed to a request without deviceId', async () => {
    const answer = await api.request('POST', '/api/sync/push', {
      token: analyst.token,
      json: { mutations: [upsertOf(newReport())] },
    });
    expectError(answer, 400, 'validation_failed');
  });

  it('answers the whole request 403 consent_required { policyVersion } without consent', async () => {
    const answer = await pushAs(withoutConsent, [upsertOf(newReport())]);
    const details = expectError(answer, 403, 'consent_required') as { policyVersion: unknown };
    expect(typeof details.policyVersion).toBe('string');
  });
});

describe('GET /api/sync/pull', () => {
  let puller: Account;
  const reports: ReportBody[] = [];
  let afterPush = '';

  beforeAll(async () => {
    puller = await createAccount(api, adminToken, 'analyst');
    reports.push(newReport(), newReport(), newReport());
    await pushReports(api, puller.token, reports);
    await pushReports(api, other.token, [newReport()]);
  });

  it("gives only the caller's own reports, in change order, with an opaque string cursor", async () => {
    const page = await pull(puller.token);
    expect(idsOf(page.changes)).toEqual(reports.map((r) => r.id));
    expect(page.hasMore).toBe(false);
    afterPush = page.cursor;
  });

  it('pages by limit, with hasMore, continuing after the cursor', async () => {
    const first = await pull(puller.token, '?limit=2');
    expect([idsOf(first.changes), first.hasMore]).toEqual([
      reports.slice(0, 2).map((r) => r.id),
      true,
    ]);
    const rest = await pull(puller.token, `?limit=2&cursor=${encodeURIComponent(first.cursor)}`);
    expect([idsOf(rest.changes), rest.hasMore]).toEqual([[reports[2]!.id], false]);
    const none = await pull(puller.token, `?cursor=${encodeURIComponent(rest.cursor)}`);
    expect([none.changes, none.hasMore]).toEqual([[], false]);
  });

  it('tells a deletion as the report id with deleted: true', async () => {
    const results = await resultsOf(puller.token, [deleteOf(reports[0]!.id)]);
    expect(results[0]!.status).toBe('applied');
    const page = await pull(puller.token, `?cursor=${encodeURIComponent(afterPush)}`);
    expect(page.changes).toEqual([expect.objectContaining({ id: reports[0]!.id, deleted: true })]);
    afterPush = page.cursor;
  });

  it('brings the review status changes of the caller’s reports', async () => {
    await takeIntoReview(api, reviewer.token, reports[1]!.url);
    const page = await pull(puller.token, `?cursor=${encodeURIComponent(afterPush)}`);
    expect(page.changes).toEqual([
      expect.objectContaining({ id: reports[1]!.id, status: 'under_review' }),
    ]);
  });

  it('answers 500 changes by default and up to 1000 when asked', async () => {
    const since = `?cursor=${encodeURIComponent((await pull(puller.token)).cursor)}`;
    const batch = Array.from({ length: 501 }, () => newReport());
    await pushReports(api, puller.token, batch.slice(0, 500));
    await pushReports(api, puller.token, batch.slice(500));
    const byDefault = await pull(puller.token, since);
    expect([byDefault.changes.length, byDefault.hasMore]).toEqual([500, true]);
    const largest = await pull(puller.token, `${since}&limit=1000`);
    expect([idsOf(largest.changes), largest.hasMore]).toEqual([batch.map((r) => r.id), false]);
  });

  it('answers 400 validation_failed to a limit over 1000, under 1, or a cursor it never gave', async () => {
    for (const query of ['?limit=1001', '?limit=0', '?cursor=not-a-cursor']) {
      const answer = await api.request('GET', `/api/sync/pull${query}`, { token: puller.token });
      expectError(answer, 400, 'validation_failed');
    }
  });
});

describe('GET /api/known-urls', () => {
  // url-key.md by hand: https, lower-case host without www., duplicate and trailing slashes
  // dropped, utm_* removed, the rest sorted by key, the fragment dropped.
  const given = 'http://www.Example.KZ/news//item/?utm_source=tg&b=2&a=1#top';
  const canonical = 'https://example.kz/news/item?a=1&b=2';
  const hashOf = (key: string) => sha256Hex(key).slice(0, 16);
  let cursor = '';

  it('lists the urlKeyHash of every material: SHA-256 of its canonical key, 16 hex characters', async () => {
    const [mine] = await resultsOf(analyst.token, [upsertOf(newReport({ url: given }))]);
    expect(mine!.report!.urlKey).toBe(canonical);
    const othersOwn = newReport();
    await pushReports(api, other.token, [
      newReport({ url: 'https://example.kz/news/item?b=2&a=1' }),
      othersOwn,
    ]);
    const page = expectAnswer(
      await api.request('GET', '/api/known-urls', { token: analyst.token }),
      200,
      knownUrlsAnswer,
    );
    expect(page.hashes.filter((h) => h === hashOf(canonical))).toHaveLength(1);
    expect(page.hashes).toContain(hashOf(othersOwn.url));
    expect(page.hasMore).toBe(false);
    cursor = page.cursor;
  });

  it('answers only the materials added after a kept cursor', async () => {
    const report = newReport();
    await pushReports(api, other.token, [report]);
    const query = `?cursor=${encodeURIComponent(cursor)}`;
    const page = expectAnswer(
      await api.request('GET', `/api/known-urls${query}`, { token: analyst.token }),
      200,
      knownUrlsAnswer,
    );
    expect([page.hashes, page.hasMore]).toEqual([[hashOf(report.url)], false]);
  });

  it('answers 401 unauthorized without a token', async () => {
    expectError(await api.request('GET', '/api/known-urls'), 401, 'unauthorized');
  });
});

describe('PUT /api/evidence/:sha256', () => {
  const put = (bytes: Uint8Array, contentType: string, hash = sha256Hex(bytes)) =>
    api.request('PUT', `/api/evidence/${hash}`, { token: analyst.token, bytes, contentType });

  it('stores a PNG with 201, and answers 200 when it already has the same bytes', async () => {
    const png = uniquePng('evidence-1');
    expect((await put(png, 'image/png')).status).toBe(201);
    expect((await put(png, 'image/png')).status).toBe(200);
  });

  it('stores a JPEG', async () => {
    expect((await put(JPEG, 'image/jpeg')).status).toBe(201);
  });

  it('refuses bytes whose SHA-256 is not the one in the path with validation_failed', async () => {
    const png = uniquePng('evidence-2');
    expectError(await put(png, 'image/png', sha256Hex(PNG)), 400, 'validation_failed');
  });

  it('refuses anything but a PNG or JPEG image with 415 unsupported_media_type', async () => {
    const text = new TextEncoder().encode('not an image');
    expectError(await put(text, 'text/plain'), 415, 'unsupported_media_type');
    expectError(await put(text, 'image/png'), 415, 'unsupported_media_type');
  });

  it('takes an image of exactly 10 MiB and refuses one byte more with 413 payload_too_large', async () => {
    expect((await put(padded(PNG, 10 * MIB), 'image/png')).status).toBe(201);
    expectError(await put(padded(PNG, 10 * MIB + 1), 'image/png'), 413, 'payload_too_large');
  });

  it('answers 403 consent_required to an analyst without consent', async () => {
    const png = uniquePng('evidence-3');
    const answer = await api.request('PUT', `/api/evidence/${sha256Hex(png)}`, {
      token: withoutConsent,
      bytes: png,
      contentType: 'image/png',
    });
    expectError(answer, 403, 'consent_required');
  });
});
