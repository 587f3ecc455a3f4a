import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addAccount,
  fileOf,
  registrationForm,
  SAMPLE_FILES,
} from '../../features/accounts/testing';
import { currentPolicy } from '../../features/consent/policy-store';
import { createTestApp } from '../../testing/test-app';
import { createUser } from '../../testing/users';
import { type SiteClient, siteClient, textOf } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: SiteClient;
let adminId: string;
beforeEach(async () => {
  t = await createTestApp();
  adminId = (await addAccount(t, { role: 'admin' })).id;
  admin = siteClient(t);
  admin.signInAs(adminId);
});
afterEach(() => t.dispose());

const register = async (fields: Record<string, string> = {}) => {
  const form = registrationForm('1', fields, [fileOf(SAMPLE_FILES.pdf, 'order-17.pdf')]);
  const response = await t.app.request('/api/auth/register', { method: 'POST', body: form });
  return ((await response.json()) as { userId: string }).userId;
};
const statusOf = async (id: string) => (await t.rows('users')).find((r) => r.id === id)?.status;

describe('pending registrations', () => {
  it('lists the applicants with their documents, which only admins can download', async () => {
    const id = await register({ fullName: 'Жанна Абенова' });
    const page = await admin.get('/admin/users?lang=en');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Жанна Абенова');
    const link = /href="(\/admin\/documents\/[0-9a-f-]+\/file)"/.exec(page.html)?.[1];
    expect(link).toBeDefined();
    const file = await admin.get(link!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[0-9a-f-]+\.pdf"$/,
    );
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    // The same download as the API's: never sniffed into something a browser would run.
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.html).toContain('%PDF-1.7');

    const reviewer = siteClient(t);
    reviewer.signInAs((await addAccount(t, { role: 'reviewer' })).id);
    expect((await reviewer.get(link!)).status).toBe(403);
    expect((await siteClient(t).get(link!)).status).toBe(303);
    expect(await statusOf(id)).toBe('pending');
  });

  it('approves an applicant and comes back to the list it came from', async () => {
    const id = await register();
    await admin.get('/admin/users?status=pending');
    const done = await admin.post(`/admin/users/${id}/approve`, {
      back: '/admin/users?status=pending',
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/admin/users?status=pending&done=1');
    expect(await statusOf(id)).toBe('active');
    const after = await admin.get(done.location!);
    expect(after.html).not.toContain(`data-user="${id}"`);
    expect(after.html).toContain('Сохранено.');
  });

  it('blocks an account and changes a role, but never redirects elsewhere than the list', async () => {
    const analyst = await addAccount(t);
    await admin.get('/admin/users?status=active');
    const blocked = await admin.post(`/admin/users/${analyst.id}/block`, {
      back: 'https://evil.example/',
    });
    expect(blocked.location).toBe('/admin/users?done=1');
    expect(await statusOf(analyst.id)).toBe('blocked');
    const other = await addAccount(t);
    await admin.post(`/admin/users/${other.id}/role`, { role: 'reviewer' });
    expect((await t.rows('users')).find((r) => r.id === other.id)?.role).toBe('reviewer');
  });

  it('answers the 403 page when an admin would block themself', async () => {
    await admin.get('/admin/users');
    const page = await admin.post(`/admin/users/${adminId}/block`);
    expect(page.status).toBe(403);
    expect(await statusOf(adminId)).toBe('active');
  });
});

describe('policy versions', () => {
  it('publishes a new current version with its three texts', async () => {
    await admin.get('/admin/policies');
    const done = await admin.post('/admin/policies', {
      version: '2',
      textRu: 'Текст политики',
      textKk: 'Саясат мәтіні',
      textEn: 'Policy text',
    });
    expect(done.status).toBe(303);
    expect((await currentPolicy(t.storage))?.version).toBe('2');
    const list = await admin.get(done.location!);
    expect(list.html).toContain('Опубликована: 2');
    const shown = await admin.get('/policy/2?lang=kk');
    expect(shown.html).toContain('Саясат мәтіні');
  });

  it('keeps the texts and explains when the version is not newer or is malformed', async () => {
    await admin.get('/admin/policies?lang=en');
    const taken = await admin.post('/admin/policies', {
      version: '1',
      textRu: 'Текст',
      textKk: 'Мәтін',
      textEn: 'Text',
    });
    expect(taken.status).toBe(409);
    expect(taken.html).toMatch(
      /id="version-error">A new version must be greater than the current one \(1\)/,
    );
    expect(taken.html).toContain('>Мәтін</textarea>');
    const malformed = await admin.post('/admin/policies', {
      version: '../x',
      textRu: '',
      textKk: 'a',
      textEn: 'b',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.html).toMatch(/id="version-error"/);
    expect(malformed.html).toMatch(/id="textRu-error">Fill this in\./);
    expect((await currentPolicy(t.storage))?.version).toBe('1');
  });
});

describe('the audit log', () => {
  it('filters by action, actor and period, newest first, and pages', async () => {
    const actor = await addAccount(t);
    const day = (d: string) => new Date(`2026-11-${d}T12:00:00.000Z`);
    for (let i = 0; i < 60; i++) {
      await t.storage.audit.record({ action: 'test.event', at: day('20'), actorUserId: actor.id });
    }
    await t.storage.audit.record({ action: 'test.other', at: day('21'), actorUserId: actor.id });
    await t.storage.audit.record({ action: 'test.event', at: day('22'), actorUserId: adminId });

    const byAction = await admin.get('/admin/audit?action=test.other');
    expect(byAction.html.match(/data-action="test\.\w+"/g)).toEqual(['data-action="test.other"']);

    const byActor = await admin.get(`/admin/audit?actor=${adminId}&action=test.event`);
    expect(byActor.html.match(/data-action="test\.\w+"/g)).toHaveLength(1);

    const byPeriod = await admin.get('/admin/audit?from=2026-11-21&to=2026-11-22');
    expect(byPeriod.html.match(/data-action="test\.\w+"/g)).toEqual([
      'data-action="test.event"',
      'data-action="test.other"',
    ]);

    const first = await admin.get('/admin/audit?action=test.event&to=2026-11-20');
    expect(first.html.match(/data-action="test\.event"/g)).toHaveLength(50);
    const next = /href="([^"]*cursor=[0-9]+[^"]*)" rel="next"/.exec(first.html)?.[1];
    expect(next).toBeDefined();
    const second = await admin.get(next!.replaceAll('&amp;', '&'));
    expect(second.html.match(/data-action="test\.event"/g)).toHaveLength(10);
    expect(second.html).not.toContain('rel="next"');
  });
});

describe('the audit log in words', () => {
  it('says what happened in the page language and names the people, filtering by name or e-mail', async () => {
    const aigerim = createUser(t, { fullName: 'Айгерим Сапарова', email: 'a.saparova@gov.test' });
    const other = createUser(t, { fullName: 'Ерлан Жумабаев', email: 'zhumabaev@gov.test' });
    const at = new Date('2026-11-22T12:00:00.000Z');
    await t.storage.audit.record({ action: 'auth.login_failed', at, actorUserId: aigerim.id });
    await t.storage.audit.record({
      action: 'user.role_changed',
      at,
      actorUserId: adminId,
      subjectType: 'user',
      subjectId: other.id,
    });

    const ru = textOf((await admin.get('/admin/audit?lang=ru')).html);
    expect(ru).toContain('Неудачный вход');
    expect(ru).toContain('Айгерим Сапарова');
    expect(ru).toContain('a.saparova@gov.test');
    expect(ru).toContain('Учётная запись: Ерлан Жумабаев');
    expect(ru).not.toContain('auth.login_failed');
    const kk = textOf((await admin.get('/admin/audit?lang=kk')).html);
    expect(kk).toContain('Сәтсіз кіру');
    const en = textOf((await admin.get('/admin/audit?lang=en')).html);
    expect(en).toContain('Failed sign-in');

    const byName = await admin.get(`/admin/audit?person=${encodeURIComponent('сапаров')}`);
    expect(byName.html.match(/data-action="[^"]+"/g)).toEqual(['data-action="auth.login_failed"']);
    const byMail = await admin.get('/admin/audit?person=SAPAROVA%40gov');
    expect(byMail.html.match(/data-action="[^"]+"/g)).toEqual(['data-action="auth.login_failed"']);
    const nobody = await admin.get('/admin/audit?person=nobody-at-all');
    expect(nobody.html).not.toContain('data-action=');
  });

  it('shows the details in words and the accounts they name as people, not as raw JSON', async () => {
    const owner = createUser(t, { fullName: 'Ерлан Жумабаев', email: 'zhumabaev@gov.test' });
    await t.storage.audit.record({
      action: 'user.role_changed',
      at: new Date('2026-11-22T12:00:00.000Z'),
      actorUserId: adminId,
      details: {
        from: 'analyst',
        to: 'reviewer',
        ownerUserId: owner.id,
        thirdPartyTransfer: true,
        kinds: ['iin', 'email'],
      },
    });
    const row = (html: string) =>
      textOf(html.slice(html.indexOf('data-action="user.role_changed"')));

    const ru = row((await admin.get('/admin/audit?lang=ru')).html);
    for (const words of ['Было', 'Аналитик', 'Стало', 'Эксперт', 'Владелец', 'Ерлан Жумабаев']) {
      expect(ru).toContain(words);
    }
    expect(ru).toContain('Передача третьим лицам');
    expect(ru).toContain('ИИН, эл. почта');
    expect(ru).not.toContain(owner.id);
    expect(ru).not.toContain('"from"');
    const kk = row((await admin.get('/admin/audit?lang=kk')).html);
    expect(kk).toContain('Талдаушы');
    expect(kk).toContain('ЖСН, эл. пошта');
    const en = row((await admin.get('/admin/audit?lang=en')).html);
    expect(en).toContain('Transfer to third parties');
    expect(en).toContain('yes');
  });
});
