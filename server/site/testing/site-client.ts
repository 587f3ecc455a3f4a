import { SESSION_COOKIE } from '../../features/web-session/session-cookie';
import { SITE_DEVICE } from '../../features/web-session/site-session';
import type { createTestApp } from '../../testing/test-app';
import { insertTestToken } from '../../testing/tokens';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** The origin `app.request` serves (its default base URL). */
export const SITE_ORIGIN = 'http://localhost';

/** A page as a browser would receive it. */
export type SitePage = {
  status: number;
  html: string;
  headers: Headers;
  /** Where a redirect points, if it is one. */
  location: string | null;
};

const FORM_TOKEN = /name="_csrf" value="([^"]+)"/;

/**
 * A browser-like client of the site over `app.request`: it keeps cookies, remembers the form
 * token of the last page it saw and sends it with forms, from the site's own origin. `env` is
 * passed to every request (`fromAddress(…)` makes them come from one address).
 */
export function siteClient(t: TestApp, env?: object) {
  const jar = new Map<string, string>();
  let formToken: string | undefined;

  async function send(path: string, init: RequestInit = {}): Promise<SitePage> {
    const headers = new Headers(init.headers);
    if (jar.size > 0) {
      headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await t.app.request(path, { ...init, headers }, env);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value);
    }
    const html = await response.text();
    formToken = FORM_TOKEN.exec(html)?.[1] ?? formToken;
    return {
      status: response.status,
      html,
      headers: response.headers,
      location: response.headers.get('location'),
    };
  }

  return {
    cookies: jar,
    get formToken() {
      return formToken;
    },
    /** GETs a page. */
    get: (path: string, headers: Record<string, string> = {}) => send(path, { headers }),
    /**
     * POSTs a form with the last form token seen (`token: null` sends none) from the site's
     * origin (`origin: null` sends no Origin header).
     */
    post(
      path: string,
      fields: Record<string, string | string[] | File | File[]> = {},
      options: {
        token?: string | null;
        origin?: string | null;
        multipart?: boolean;
        headers?: Record<string, string>;
      } = {},
    ) {
      const token = options.token === undefined ? formToken : options.token;
      const entries = Object.entries(fields).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
      );
      if (token !== null && token !== undefined) entries.unshift(['_csrf', token]);
      const origin = options.origin === undefined ? SITE_ORIGIN : options.origin;
      const headers: Record<string, string> = { ...options.headers };
      if (origin !== null) headers.origin = origin;
      const multipart = options.multipart || entries.some(([, v]) => typeof v !== 'string');
      let body: FormData | URLSearchParams;
      if (multipart) {
        const form = new FormData();
        for (const [name, value] of entries) form.append(name, value);
        body = form;
      } else {
        body = new URLSearchParams(entries as [string, string][]);
        headers['content-type'] = 'application/x-www-form-urlencoded';
      }
      return send(path, { method: 'POST', headers, body });
    },
    /** Starts a site session for the user directly (as if they had signed in). */
    signInAs(userId: string) {
      const { token } = insertTestToken(
        t,
        userId,
        t.deps.config.tokenDays,
        SITE_DEVICE,
        t.deps.now(),
      );
      jar.set(SESSION_COOKIE, token);
      return token;
    },
    /** Signs in with a live token the test already has, on whichever engine holds it. */
    useSession(token: string) {
      jar.set(SESSION_COOKIE, token);
    },
  };
}
export type SiteClient = ReturnType<typeof siteClient>;

/** The visible text of a page: tags dropped, entities left as they are. */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}
