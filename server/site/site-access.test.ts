import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/schemas/account';
import { addAccount, fileOf, registrationForm, SAMPLE_FILES } from '../features/accounts/testing';
import { report } from '../features/review/testing';
import { createTestApp } from '../testing/test-app';
import { createUser } from '../testing/users';
import { type SitePage, siteClient } from './testing/site-client';

// Every page and form of the site, asked by each kind of visitor: anonymous visitors (and
// accounts that cannot sign in) are sent to the sign-in page, other roles get the 403 page.

type Visitor = 'anonymous' | 'pending' | 'blocked' | Role;
const VISITORS: Visitor[] = ['anonymous', 'pending', 'blocked', 'analyst', 'reviewer', 'admin'];
type Access = 'public' | 'signed-in' | 'review' | 'admin';
const ALLOWED: Record<Access, Visitor[]> = {
  public: VISITORS,
  'signed-in': ['analyst', 'reviewer', 'admin'],
  review: ['reviewer', 'admin'],
  admin: ['admin'],
};

let t: Awaited<ReturnType<typeof createTestApp>>;
const ids = { material: '', document: '', user: '', evidence: '' };
beforeAll(async () => {
  t = await createTestApp();
  const analyst = createUser(t);
  const png = SAMPLE_FILES.png;
  ids.evidence = createHash('sha256').update(png).digest('hex');
  await t.app.request(`/api/evidence/${ids.evidence}`, {
    method: 'PUT',
    headers: { ...analyst.auth, 'content-type': 'image/png' },
    body: png,
  });
  ids.material = (await report(t, analyst)).materialId;
  const registered = await t.app.request('/api/auth/register', {
    method: 'POST',
    body: registrationForm('1', {}, [fileOf(SAMPLE_FILES.pdf)]),
  });
  ids.user = ((await registered.json()) as { userId: string }).userId;
  const admin = await addAccount(t, { role: 'admin' });
  const users = await t.app.request('/api/admin/users?status=pending', { headers: admin.auth });
  const body = (await users.json()) as { users: { documents: { id: string }[] }[] };
  ids.document = body.users[0]!.documents[0]!.id;
});
afterAll(() => t.dispose());

const pages: { path: () => string; access: Access }[] = [
  { path: () => '/', access: 'public' },
  { path: () => '/register', access: 'public' },
  { path: () => '/policy', access: 'public' },
  { path: () => '/policy/1', access: 'public' },
  { path: () => '/me', access: 'signed-in' },
  { path: () => '/me/erase', access: 'signed-in' },
  { path: () => '/me/data.json', access: 'signed-in' },
  { path: () => '/review', access: 'review' },
  { path: () => `/review/materials/${ids.material}`, access: 'review' },
  { path: () => `/review/evidence/${ids.evidence}`, access: 'review' },
  { path: () => '/review/blocking-list.csv', access: 'review' },
  { path: () => '/review/blocking-list.json', access: 'review' },
  { path: () => '/review/notices', access: 'review' },
  { path: () => '/review/notices/new', access: 'review' },
  { path: () => '/review/recipients', access: 'review' },
  { path: () => '/stats', access: 'review' },
  { path: () => '/admin/users', access: 'admin' },
  { path: () => `/admin/documents/${ids.document}/file`, access: 'admin' },
  { path: () => '/admin/policies', access: 'admin' },
  { path: () => '/admin/disclosures', access: 'admin' },
  { path: () => '/admin/audit', access: 'admin' },
  { path: () => '/admin/subject-requests', access: 'admin' },
];

// Forms that change state, each sent with a valid form token from the visitor's own session:
// only the role decides. Their fields are left invalid, so an allowed visitor changes nothing.
const forms: { path: () => string; access: Exclude<Access, 'public'> }[] = [
  { path: () => '/sign-out', access: 'signed-in' },
  { path: () => `/review/materials/${ids.material}/decision`, access: 'review' },
  { path: () => '/review/notices', access: 'review' },
  { path: () => '/review/recipients', access: 'review' },
  { path: () => `/admin/users/${ids.user}/role`, access: 'admin' },
  { path: () => '/admin/policies', access: 'admin' },
  { path: () => '/admin/disclosures', access: 'admin' },
  { path: () => '/me/erase', access: 'signed-in' },
];

async function visitorClient(visitor: Visitor) {
  const client = siteClient(t);
  if (visitor === 'anonymous') return client;
  const role = visitor === 'pending' || visitor === 'blocked' ? 'analyst' : visitor;
  const status = visitor === 'pending' || visitor === 'blocked' ? visitor : 'active';
  client.signInAs(createUser(t, { role, status }).id);
  return client;
}

const expectRefused = (page: SitePage, visitor: Visitor, path: string) => {
  if (ALLOWED['signed-in'].includes(visitor)) {
    expect(page.status, path).toBe(403);
    expect(page.html).toContain('Доступ запрещён');
  } else {
    expect(page.status, path).toBe(303);
    expect(page.location).toMatch(/^\/sign-in\?next=/);
  }
};

describe('who may open each page', () => {
  for (const visitor of VISITORS) {
    it(`answers ${visitor} visitors by their role`, async () => {
      const client = await visitorClient(visitor);
      for (const { path, access } of pages) {
        const page = await client.get(path());
        if (ALLOWED[access].includes(visitor)) expect(page.status, path()).toBe(200);
        else expectRefused(page, visitor, path());
      }
    });
  }
  it('sends an anonymous visitor back where they were going after signing in', async () => {
    const page = await siteClient(t).get('/review?status=blocked');
    expect(page.location).toBe('/sign-in?next=%2Freview%3Fstatus%3Dblocked');
  });
});

describe('who may send each form', () => {
  for (const visitor of VISITORS.filter((v) => v !== 'anonymous')) {
    it(`answers ${visitor} visitors by their role, whatever the form token`, async () => {
      for (const { path, access } of forms) {
        const client = await visitorClient(visitor);
        // A page with a form, for a form token of this visitor's own.
        await client.get(ALLOWED['signed-in'].includes(visitor) ? '/me/erase' : '/sign-in');
        expect(client.formToken).toBeDefined();
        const page = await client.post(path(), { role: 'not-a-role', status: 'x', version: '' });
        if (ALLOWED[access].includes(visitor)) expect([303, 400], path()).toContain(page.status);
        else expectRefused(page, visitor, path());
      }
    });
  }
});
