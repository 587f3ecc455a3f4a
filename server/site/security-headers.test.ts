import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../features/accounts/testing';
import { createTestApp } from '../testing/test-app';
import { siteClient } from './testing/site-client';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let t: Awaited<ReturnType<typeof createTestApp>>;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  adminId = (await addAccount(t, { role: 'admin' })).id;
});
afterAll(() => t.dispose());

const PAGES = [
  '/',
  '/register',
  '/policy',
  '/sign-in',
  '/no-such-page',
  '/review',
  '/review/materials/not-an-id',
  '/stats',
  '/admin/users',
  '/admin/policies',
  '/admin/disclosures',
  '/admin/audit',
  '/me',
  '/me/erase',
];

describe('security headers', () => {
  it('come with every page, error pages and redirects included', async () => {
    const anonymous = siteClient(t);
    const admin = siteClient(t);
    admin.signInAs(adminId);
    for (const client of [anonymous, admin]) {
      for (const path of PAGES) {
        const page = await client.get(path);
        const headers = page.headers;
        expect(headers.get('content-security-policy'), path).toBe(CSP);
        expect(headers.get('x-frame-options'), path).toBe('DENY');
        expect(headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(headers.get('referrer-policy'), path).toBe('same-origin');
        expect(headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
        if (page.status === 200 || page.status >= 400) {
          expect(headers.get('cache-control'), path).toBe('no-store');
        }
      }
    }
  });

  it("need nothing inline: no script but the site's own files, no style element or attribute, nothing external", async () => {
    const admin = siteClient(t);
    admin.signInAs(adminId);
    const ownScript = /<script src="\/static\/[a-z-]+\.js\?v=[0-9a-f]{12}" defer=""><\/script>/g;
    for (const path of PAGES) {
      const { html } = await admin.get(path);
      expect(html.replace(ownScript, ''), path).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      expect(html, path).not.toMatch(/(src|href)="(https?:)?\/\//i);
    }
  });

  it('answers unknown API paths as the API does, in JSON', async () => {
    const response = await t.app.request('/api/no-such-endpoint');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('serves the stylesheet with a long cache life, its address changing with its content', async () => {
    const home = await siteClient(t).get('/');
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.html)?.[1];
    expect(href).toMatch(/^\/static\/site\.css\?v=[0-9a-f]{12}$/);
    const css = await t.app.request(href!);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it("serves the review pages' keyboard script from the site itself, as the CSP requires", async () => {
    const admin = siteClient(t);
    admin.signInAs(adminId);
    const queue = await admin.get('/review');
    const src = /<script src="([^"]+)" defer=""><\/script>/.exec(queue.html)?.[1];
    expect(src).toMatch(/^\/static\/review-keys\.js\?v=[0-9a-f]{12}$/);
    const script = await t.app.request(src!);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("addEventListener('keydown'");
  });
});
