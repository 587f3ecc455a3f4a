import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileOf, SAMPLE_FILES } from '../../features/accounts/testing';
import { createTestApp } from '../../testing/test-app';
import { siteClient } from '../testing/site-client';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

const fields = (overrides: Record<string, string | undefined> = {}) => {
  const values: Record<string, string | undefined> = {
    fullName: 'Сериков Арман Болатович',
    email: 'arman@gov.test',
    password: 'a long enough password',
    organization: 'Министерство информации',
    position: 'Главный эксперт',
    phone: '+7 701 000 00 00',
    policyVersion: '1',
    acceptPolicy: 'true',
    ...overrides,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
};

describe('the registration form', () => {
  it('shows the current policy text to accept, in the page language', async () => {
    const page = await siteClient(t).get('/register?lang=en');
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="policyVersion" value="1"');
    expect(page.html).toContain('name="acceptPolicy"');
    expect(page.html).toContain('enctype="multipart/form-data"');
    expect(page.html).toContain('Privacy policy, version 1');
  });

  it('registers a pending account with its document and its consent, then says so', async () => {
    const client = siteClient(t);
    await client.get('/register');
    const done = await client.post('/register', {
      ...fields({ thirdPartyTransfer: 'true' }),
      documents: fileOf(SAMPLE_FILES.pdf, 'приказ.pdf'),
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/register/done');
    expect((await client.get('/register/done')).html).toContain('Заявка на регистрацию принята');
    const user = (await t.rows('users')).find((r) => r.email === 'arman@gov.test');
    expect(user).toMatchObject({ status: 'pending', role: 'analyst' });
    const docs = (await t.rows('documents')).filter((r) => r.userId === user!.id);
    expect(docs).toMatchObject([{ kind: 'authorization', originalName: 'приказ.pdf' }]);
    const consent = (await t.rows('consents')).find((r) => r.userId === user!.id);
    expect(consent).toMatchObject({ method: 'registration', thirdPartyTransfer: true });
  });

  it('shows each error next to its field and keeps what was typed, except the password', async () => {
    const client = siteClient(t);
    await client.get('/register?lang=en');
    const page = await client.post('/register', {
      ...fields({ email: 'not an e-mail', password: 'short', acceptPolicy: undefined }),
      documents: fileOf('just text, no document', 'notes.txt', 'application/pdf'),
    });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="email-error">Enter a valid e-mail address\./);
    expect(page.html).toMatch(/id="password-error">At least 10 characters\./);
    expect(page.html).toMatch(/id="acceptPolicy-error">Accept the privacy policy to register\./);
    // The fields are refused before the documents are looked at; the form asks for them again.
    expect(page.html).toMatch(/id="documents-error">Attach your documents again/);
    expect(page.html).toContain('value="not an e-mail"');
    expect(page.html).toContain('value="Сериков Арман Болатович"');
    expect(page.html).not.toContain('value="short"');
    expect(await t.rows('users')).toHaveLength(0);
  });

  it('checks the password in the form first: the field asks for its least length', async () => {
    const page = await siteClient(t).get('/register?lang=en');
    expect(page.html).toMatch(/<input[^>]*name="password"[^>]*minlength="10"/);
  });

  it('refuses a short password before looking at the documents, keeping the other inputs', async () => {
    const client = siteClient(t);
    await client.get('/register?lang=ru');
    const page = await client.post('/register', {
      ...fields({ password: 'short' }),
      thirdPartyTransfer: 'true',
      documents: fileOf(SAMPLE_FILES.pdf, 'приказ.pdf'),
    });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="password-error">Не короче 10 символов\./);
    expect(page.html).toMatch(/id="documents-error">Прикрепите документы ещё раз/);
    expect(page.html).toContain('value="Министерство информации"');
    expect(page.html).toContain('value="arman@gov.test"');
    expect(page.html).toMatch(/name="thirdPartyTransfer"[^>]*checked/);
    expect(await t.rows('documents')).toHaveLength(0);
  });

  it('asks for the documents when none is attached', async () => {
    const client = siteClient(t);
    await client.get('/register?lang=en');
    const page = await client.post('/register', fields(), { multipart: true });
    expect(page.status).toBe(400);
    expect(page.html).toMatch(/id="documents-error">Attach 1 to 5 files\./);
  });

  it('says when the e-mail is taken, next to the e-mail field', async () => {
    const client = siteClient(t);
    await client.get('/register?lang=en');
    const document = () => fileOf(SAMPLE_FILES.png, 'scan.png', 'image/png');
    await client.post('/register', { ...fields(), documents: document() });
    await client.get('/register?lang=en');
    const again = await client.post('/register', { ...fields(), documents: document() });
    expect(again.status).toBe(409);
    expect(again.html).toMatch(/id="email-error">An account with this e-mail already exists\./);
  });
});
