import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { report } from '../../features/review/testing';
import { deleteOf, pushAs } from '../../testing/reports';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: SiteClient;
beforeEach(async () => {
  t = await createTestApp();
  admin = siteClient(t);
  admin.signInAs(createUser(t, { role: 'admin' }).id);
});
afterEach(() => t.dispose());

const form = (overrides: Record<string, string> = {}) => ({
  recipient: 'Департамент полиции г. Алматы',
  recipientType: 'state_body',
  basis: 'Запрос в рамках досудебного расследования № 123',
  requestNumber: '17-4/2211',
  requestDate: '2026-11-20',
  materialIds: '',
  userIds: '',
  from: '',
  to: '',
  ...overrides,
});

describe('disclosures', () => {
  it('records a disclosure, redirects to the page with the record and its export, then lists it', async () => {
    const analyst = createUser(t);
    const { materialId } = await report(t, analyst);
    await admin.get('/admin/disclosures');
    const recorded = await admin.post('/admin/disclosures', {
      ...form({ materialIds: materialId }),
      includeReporterIdentity: 'true',
    });
    // Post/redirect/get: reloading what the browser shows next records nothing again.
    expect(recorded.status).toBe(303);
    const id = /^\/admin\/disclosures\?recorded=([0-9a-f-]{36})$/.exec(
      recorded.location ?? '',
    )?.[1];
    expect(id).toBeDefined();

    const shown = await admin.get(`${recorded.location}&lang=en`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(`data-recorded="${id}"`);
    expect(textOf(shown.html)).toContain('The disclosure is recorded');
    expect(shown.html).toContain(`href="/admin/disclosures/${id}/export.json"`);
    await admin.get(`${recorded.location}`);
    expect(await t.rows('disclosures')).toHaveLength(1);

    const exported = await admin.get(`/admin/disclosures/${id}/export.json`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(
      /^attachment; filename="disclosure-/,
    );
    const body = JSON.parse(exported.html);
    expect(body.disclosure).toMatchObject({
      id,
      recipientType: 'state_body',
      requestNumber: '17-4/2211',
    });
    expect(body.data.reports).toHaveLength(1);
    expect(body.data.reporters[0].identity).not.toBeNull();
    const sha = createHash('sha256').update(JSON.stringify(body.data)).digest('hex');
    expect(sha).toBe(body.disclosure.dataSha256);

    const list = await admin.get('/admin/disclosures?lang=en');
    expect(list.html).toContain(`data-disclosure="${id}"`);
    expect(list.html).toContain('1 materials, 1 reports, 1 reporters (1 identified)');
  });

  it('refuses the export once the disclosed data has changed, rather than give other data', async () => {
    const analyst = createUser(t);
    const { materialId, report: sent } = await report(t, analyst);
    await admin.get('/admin/disclosures');
    const recorded = await admin.post('/admin/disclosures', form({ materialIds: materialId }));
    const id = recorded.location!.split('=')[1];
    await pushAs(t, analyst, [deleteOf(sent.id)]);
    const exported = await admin.get(`/admin/disclosures/${id}/export.json`);
    expect(exported.status).toBe(409);
  });

  it('shows errors next to the fields and keeps what was typed', async () => {
    await admin.get('/admin/disclosures?lang=en');
    const page = await admin.post(
      '/admin/disclosures',
      form({ recipient: 'Управление', basis: '', materialIds: 'not-an-id' }),
    );
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="basis-error">Fill this in\./);
    expect(page.html).toMatch(/id="materialIds-error">This value is not valid\./);
    expect(page.html).toContain('>not-an-id</textarea>');
    const noScope = await admin.post('/admin/disclosures', form());
    expect(noScope.status).toBe(400);
    expect(noScope.html).toContain('Name materials, reporters or a period');
    expect(await t.rows('disclosures')).toHaveLength(0);
  });
});
