import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { deleteOf, pushAs, sampleReport, upsertOf } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { changeMaterialStatus } from '../materials/material-status';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
});
afterEach(() => t.dispose());

async function materialOf(reportId: string) {
  const row = (await t.rows('reports')).find((r) => r.id === reportId);
  if (!row) throw new Error('no such report');
  return row.materialId;
}

describe('push', () => {
  it('stores a new report with the key the server computes and answers it back', async () => {
    const report = sampleReport({ url: 'http://www.Example.kz/casino/?utm_source=tg#top' });
    const mutation = upsertOf(report);
    const { status, body } = await pushAs(t, analyst, [mutation]);
    expect(status).toBe(200);
    expect(body.results).toEqual([
      {
        id: mutation.id,
        status: 'applied',
        report: {
          ...report,
          userId: analyst.id,
          urlKey: 'https://example.kz/casino',
          status: 'submitted',
          version: 1,
          createdAt: '2026-11-24T10:00:00.000Z',
          updatedAt: '2026-11-24T10:00:00.000Z',
          deleted: false,
        },
      },
    ]);
    const [material] = await t.rows('materials');
    expect(material).toMatchObject({
      urlKey: 'https://example.kz/casino',
      urlKeyHash: urlKeyHash('https://example.kz/casino'),
      status: 'submitted',
      url: report.url,
      title: report.title,
    });
  });

  it('groups reports of the same material under one material whatever form their URL had', async () => {
    const other = createUser(t);
    const first = sampleReport({ url: 'https://example.kz/post/1' });
    const second = sampleReport({ url: 'http://www.example.kz/post/1/?fbclid=abc' });
    await pushAs(t, analyst, [upsertOf(first)]);
    await pushAs(t, other, [upsertOf(second)]);
    expect(await materialOf(first.id)).toBe(await materialOf(second.id));
    expect(await t.rows('materials')).toHaveLength(1);
  });

  it('never trusts a URL key sent by the client', async () => {
    const report = { ...sampleReport({ url: 'https://example.kz/a' }), urlKey: 'https://evil.kz/' };
    const { body } = await pushAs(t, analyst, [{ id: crypto.randomUUID(), op: 'upsert', report }]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'validation_failed' });
    expect(await t.rows('reports')).toHaveLength(0);
  });

  it('bumps the version of an edited own report and keeps its creation time', async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report)]);
    t.advance(60_000);
    const edited = { ...report, note: 'Уточнение: сайт работает.', topics: ['gambling', 'fraud'] };
    const { body } = await pushAs(t, analyst, [upsertOf(edited as typeof report)]);
    expect(body.results[0].report).toMatchObject({
      note: 'Уточнение: сайт работает.',
      version: 2,
      createdAt: '2026-11-24T10:00:00.000Z',
      updatedAt: '2026-11-24T10:01:00.000Z',
    });
  });

  it('moves an edited report to the material of its new URL', async () => {
    const report = sampleReport({ url: 'https://example.kz/a' });
    await pushAs(t, analyst, [upsertOf(report)]);
    const before = await materialOf(report.id);
    const { body } = await pushAs(t, analyst, [
      upsertOf({ ...report, url: 'https://example.kz/b' }),
    ]);
    expect(body.results[0].report.urlKey).toBe('https://example.kz/b');
    expect(await materialOf(report.id)).not.toBe(before);
  });

  it('turns a deleted report into a tombstone without its note', async () => {
    const report = sampleReport({ note: 'Заметка аналитика' });
    await pushAs(t, analyst, [upsertOf(report)]);
    const del = deleteOf(report.id);
    const { body } = await pushAs(t, analyst, [del]);
    expect(body.results).toEqual([{ id: del.id, status: 'applied' }]);
    const row = (await t.rows('reports')).find((r) => r.id === report.id);
    expect(row).toMatchObject({ version: 2, note: '', deletedAt: '2026-11-24T10:00:00.000Z' });
  });

  it('refuses to bring a deleted report back under the same id', async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report), deleteOf(report.id)]);
    const { body } = await pushAs(t, analyst, [upsertOf(report)]);
    expect(body.results[0]).toMatchObject({ status: 'rejected', code: 'conflict' });
  });

  it('accepts the deletion of a report it never stored, changing nothing', async () => {
    const del = deleteOf(crypto.randomUUID());
    const { body } = await pushAs(t, analyst, [del]);
    expect(body.results).toEqual([{ id: del.id, status: 'applied' }]);
    expect(await t.rows('reports')).toHaveLength(0);
  });

  it('rejects an invalid mutation without stopping the others', async () => {
    const good = upsertOf(sampleReport());
    const badTopic = upsertOf({ ...sampleReport(), topics: ['not-a-topic' as 'gambling'] });
    const badUrl = upsertOf(sampleReport({ url: 'javascript:alert(1)' }));
    const badOp = { id: crypto.randomUUID(), op: 'rename', reportId: crypto.randomUUID() };
    const { body } = await pushAs(t, analyst, [badTopic, good, badUrl, badOp]);
    expect(body.results.map((r: { status: string; code?: string }) => [r.status, r.code])).toEqual([
      ['rejected', 'validation_failed'],
      ['applied', undefined],
      ['rejected', 'validation_failed'],
      ['rejected', 'validation_failed'],
    ]);
    expect(body.results[0].message).toMatch(/^report\.topics\.0: /);
  });

  it("answers forbidden for another user's report, to upsert or to delete", async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report)]);
    const intruder = createUser(t);
    const { body } = await pushAs(t, intruder, [
      upsertOf({ ...report, note: 'перезаписано' }),
      deleteOf(report.id),
    ]);
    expect(body.results.map((r: { code: string }) => r.code)).toEqual(['forbidden', 'forbidden']);
    const row = (await t.rows('reports')).find((r) => r.id === report.id);
    expect(row).toMatchObject({ userId: analyst.id, note: report.note, deletedAt: null });
  });

  it('locks a report once its material is under review', async () => {
    const report = sampleReport();
    await pushAs(t, analyst, [upsertOf(report)]);
    await changeMaterialStatus(t.storage, {
      materialId: await materialOf(report.id),
      to: 'under_review',
      byUserId: null,
      at: t.deps.now(),
    });
    const { body } = await pushAs(t, analyst, [
      upsertOf({ ...report, note: 'правка' }),
      deleteOf(report.id),
    ]);
    expect(body.results.map((r: { code: string }) => r.code)).toEqual(['conflict', 'conflict']);
  });

  it('attaches a new report to a material already under review, with that status', async () => {
    const first = sampleReport({ url: 'https://example.kz/x' });
    await pushAs(t, analyst, [upsertOf(first)]);
    await changeMaterialStatus(t.storage, {
      materialId: await materialOf(first.id),
      to: 'under_review',
      byUserId: null,
      at: t.deps.now(),
    });
    const second = sampleReport({ url: 'https://www.example.kz/x/' });
    const { body } = await pushAs(t, createUser(t), [upsertOf(second)]);
    expect(body.results[0]).toMatchObject({
      status: 'applied',
      report: { status: 'under_review' },
    });
  });

  it('applies the mutations of a batch in order, each seeing the ones before it', async () => {
    const report = sampleReport();
    const { body } = await pushAs(t, analyst, [
      upsertOf(report),
      upsertOf({ ...report, note: 'вторая версия' }),
      deleteOf(report.id),
      upsertOf(report),
    ]);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
    ]);
    expect(body.results[1].report.version).toBe(2);
  });

  it('computes the key with the shared canonicalUrl', async () => {
    const url = 'https://youtu.be/dQw4w9WgXcQ?si=tracking';
    const { body } = await pushAs(t, analyst, [upsertOf(sampleReport({ url }))]);
    expect(body.results[0].report.urlKey).toBe(canonicalUrl(url));
  });
});

describe('push access', () => {
  it('requires a signed-in user', async () => {
    const { status, body } = await pushAs(t, { auth: {} }, [upsertOf(sampleReport())]);
    expect([status, body.error.code]).toEqual([401, 'unauthorized']);
  });

  it('answers consent_required for the whole request without consent to the current policy', async () => {
    const noConsent = createUser(t, { consent: false });
    const { status, body } = await pushAs(t, noConsent, [upsertOf(sampleReport())]);
    expect([status, body.error.code]).toEqual([403, 'consent_required']);
    expect(body.error.details).toEqual({ policyVersion: '1' });
    expect(await t.rows('reports')).toHaveLength(0);
  });

  it('is for analysts only', async () => {
    for (const role of ['reviewer', 'admin'] as const) {
      const { status, body } = await pushAs(t, createUser(t, { role }), [upsertOf(sampleReport())]);
      expect([status, body.error.code]).toEqual([403, 'forbidden']);
    }
  });

  it('refuses pending and blocked accounts', async () => {
    const pending = await pushAs(t, createUser(t, { status: 'pending' }), [
      upsertOf(sampleReport()),
    ]);
    const blocked = await pushAs(t, createUser(t, { status: 'blocked' }), [
      upsertOf(sampleReport()),
    ]);
    expect(pending.body.error.code).toBe('account_pending');
    expect(blocked.body.error.code).toBe('account_blocked');
  });
});
