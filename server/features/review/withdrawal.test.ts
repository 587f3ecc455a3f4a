import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteOf, pullAs, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser, type TestUser } from '../../testing/users';
import { getJson, report } from './testing';

let t: Awaited<ReturnType<typeof createTestApp>>;
let analyst: TestUser;
let reviewer: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  analyst = createUser(t);
  reviewer = createUser(t, { role: 'reviewer' });
});
afterEach(() => t.dispose());

async function withdraw(reportId: string) {
  t.advance(60_000);
  const { body } = await pushAs(t, analyst, [deleteOf(reportId)]);
  expect(body.results[0].status).toBe('applied');
}

describe('a report withdrawn after it reached the server', () => {
  it('is recorded in the audit log with its material', async () => {
    const { report: sent, materialId } = await report(t, analyst);
    await withdraw(sent.id);
    const events = (await t.rows('auditEvents')).filter((r) => r.action === 'report.withdrawn');
    expect(events.map((e) => [e.actorUserId, e.subjectType, e.subjectId, e.details])).toEqual([
      [analyst.id, 'report', sent.id, { materialId }],
    ]);
  });

  it('is not audited again when its deletion is retried or repeated', async () => {
    const { report: sent } = await report(t, analyst);
    const deletion = deleteOf(sent.id);
    await pushAs(t, analyst, [deletion]);
    await pushAs(t, analyst, [deletion]);
    await pushAs(t, analyst, [deleteOf(sent.id)]);
    const events = (await t.rows('auditEvents')).filter((r) => r.action === 'report.withdrawn');
    expect(events).toHaveLength(1);
  });

  it('still reaches its owner as a deletion through pull', async () => {
    const { report: sent } = await report(t, analyst);
    const before = await pullAs(t, analyst);
    await withdraw(sent.id);
    const after = await pullAs(t, analyst, { cursor: before.body.cursor });
    expect(after.body.changes).toEqual([expect.objectContaining({ id: sent.id, deleted: true })]);
  });

  it('keeps its material on the material page, with the withdrawal, marked withdrawn', async () => {
    const { report: sent, materialId } = await report(t, analyst);
    await withdraw(sent.id);
    const { status, body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(status).toBe(200);
    expect(body.material).toMatchObject({
      reportCount: 0,
      withdrawnReportCount: 1,
      withdrawn: true,
    });
    expect(body.reports).toEqual([]);
    expect(body.withdrawnReports).toEqual([
      {
        id: sent.id,
        reporter: { id: analyst.id, organization: 'Test Agency' },
        createdAt: '2026-11-24T10:00:00.000Z',
        withdrawnAt: '2026-11-24T10:01:00.000Z',
      },
    ]);
  });

  it('leaves a material whose only report was withdrawn findable by the withdrawn filter', async () => {
    const { report: gone, materialId: goneId } = await report(t, analyst, {
      title: 'Снятое казино',
    });
    const { materialId: liveId } = await report(t, analyst);
    await withdraw(gone.id);

    const queue = await getJson(t, reviewer, '/api/materials');
    expect(queue.body.materials.map((m: { id: string }) => m.id)).toEqual([liveId]);

    const withdrawn = await getJson(t, reviewer, '/api/materials?withdrawn=true');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.materials).toEqual([
      expect.objectContaining({ id: goneId, withdrawn: true, reportCount: 0 }),
    ]);
    const searched = await getJson(t, reviewer, '/api/materials?withdrawn=true&q=Снятое');
    expect(searched.body.materials.map((m: { id: string }) => m.id)).toEqual([goneId]);
    const other = await getJson(t, reviewer, '/api/materials?withdrawn=true&q=nothing-like-it');
    expect(other.body.materials).toEqual([]);
  });

  it('does not mark a material withdrawn while another report of it is live', async () => {
    const { report: first, materialId } = await report(t, analyst, {
      url: 'https://one.example.kz/page',
    });
    const colleague = createUser(t);
    await report(t, colleague, { url: 'https://one.example.kz/page' });
    await withdraw(first.id);
    const { body } = await getJson(t, reviewer, `/api/materials/${materialId}`);
    expect(body.material).toMatchObject({
      reportCount: 1,
      withdrawnReportCount: 1,
      withdrawn: false,
    });
    const withdrawn = await getJson(t, reviewer, '/api/materials?withdrawn=true');
    expect(withdrawn.body.materials).toEqual([]);
  });
});
