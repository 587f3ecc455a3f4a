import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { materialsQuerySchema } from '#shared/schemas/review';
import { auditLog } from '../features/audit/audit-service';
import {
  disclosureExport,
  findDisclosure,
  listDisclosures,
  recordDisclosure,
} from '../features/disclosures/disclosure-service';
import { listMaterials } from '../features/review/materials-list';
import { pushMutations } from '../features/sync/push-service';
import { sampleReport, upsertOf } from '../testing/reports';
import { type EngineUnderTest, STORAGE_ENGINES, testUser } from '../testing/storage-engines';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const REQUEST = {
  recipient: 'Департамент полиции г. Астаны',
  recipientType: 'state_body' as const,
  basis: 'Мотивированный запрос в рамках досудебного расследования',
  requestNumber: '3-15/2026',
  requestDate: '2026-11-20',
  includeReporterIdentity: true,
};

describe.each(STORAGE_ENGINES)('disclosures and the audit log on $engine', ({ open }) => {
  let t: EngineUnderTest;
  const admin = testUser({ role: 'admin' });
  const first = testUser({ email: 'first@gov.test' });
  const second = testUser({ email: 'second@gov.test' });
  let materialId: string;
  const action = { adminId: admin.id!, at: NOW, ip: '192.0.2.7' };

  beforeEach(async () => {
    t = await open();
    await t.addUsers(admin, first, second);
    const url = 'https://extremist.example.kz/channel';
    await pushMutations(t.storage, first.id!, [upsertOf(sampleReport({ url }))], NOW);
    const later = new Date(NOW.getTime() + 1000);
    await pushMutations(t.storage, second.id!, [upsertOf(sampleReport({ url }))], later);
    const page = await listMaterials(t.storage, materialsQuerySchema.parse({}));
    materialId = page.materials[0]!.id;
  });
  afterEach(() => t.close());

  it('records a disclosure with its subjects and audit event, and collects it again alike', async () => {
    const { disclosure, data } = await recordDisclosure(
      t.storage,
      { ...REQUEST, scope: { materialIds: [materialId] } },
      action,
    );
    expect(data.reports).toHaveLength(2);
    expect(data.reporters.map((r) => r.identity?.email).sort()).toEqual([
      'first@gov.test',
      'second@gov.test',
    ]);
    expect(disclosure.counts).toMatchObject({ materials: 1, reports: 2, reporters: 2 });
    expect(await findDisclosure(t.storage, disclosure.id)).toEqual(disclosure);

    const again = await disclosureExport(t.storage, disclosure.id, action);
    expect(again.data).toEqual(data);
    await expect(disclosureExport(t.storage, crypto.randomUUID(), action)).rejects.toThrow(
      /No such disclosure/,
    );

    const listed = await listDisclosures(t.storage, { limit: 10 }, action);
    expect(listed.disclosures.map((d) => d.id)).toEqual([disclosure.id]);
    const log = await auditLog(t.storage, { actor: admin.id! }, 10);
    expect(log.events.map((e) => e.action)).toEqual([
      'disclosure.records_viewed',
      'disclosure.export_downloaded',
      'disclosure.recorded',
    ]);
  });

  it('pages the audit log newest first, by action and period, and lists the actions', async () => {
    for (let i = 0; i < 5; i++) {
      await t.storage.audit.record({
        action: i % 2 ? 'auth.login_failed' : 'auth.login',
        at: new Date(NOW.getTime() + i * 86_400_000),
        actorUserId: first.id!,
        details: { attempt: i, codes: ['a', 'b'] },
      });
    }
    const failed = await t.storage.audit.list({ action: 'auth.login_failed' }, 10);
    expect(failed.map((e) => e.details)).toEqual([
      { attempt: 3, codes: ['a', 'b'] },
      { attempt: 1, codes: ['a', 'b'] },
    ]);
    const page = await t.storage.audit.list({ actorUserIds: [first.id!, second.id!] }, 2);
    const next = await t.storage.audit.list({ beforeId: page.at(-1)!.id }, 10);
    expect(page.map((e) => e.details?.attempt)).toEqual([4, 3]);
    expect(next.filter((e) => e.actorUserId === first.id).map((e) => e.details?.attempt)).toEqual([
      2, 1, 0,
    ]);
    const period = await t.storage.audit.list(
      { from: '2026-11-25T00:00:00.000Z', before: '2026-11-27T00:00:00.000Z' },
      10,
    );
    expect(period.map((e) => e.details?.attempt)).toEqual([2, 1]);
    expect(await t.storage.audit.actions()).toEqual(['auth.login', 'auth.login_failed']);
    await expect(
      t.storage.audit.record({ action: 'x', at: NOW, details: { email: 'a@b.kz' } }),
    ).rejects.toThrow(/personal data/);
  });
});
