import type { Context } from 'hono';
import type { UiLocale } from '#shared/labels';
import { formTokenFor } from '../features/web-session/form-token';
import type { UserRow } from '../storage/accounts-store';
import type { Strings } from './i18n';
import type { SiteEnv } from './site-env';

/** What every page and component needs to know about the request it renders for. */
export type View = {
  lang: UiLocale;
  t: Strings;
  viewer: UserRow | undefined;
  /** The synchronizer token every state-changing form carries. */
  formToken: string;
  /** The requested URL (path and query), for links that keep the page but change one thing. */
  url: URL;
  /** The current policy version the viewer has yet to accept: every page asks for it. */
  consentNeeded: string | undefined;
};

/** The view of a site request. */
export function viewOf(c: Context<SiteEnv>): View {
  return {
    lang: c.get('lang'),
    t: c.get('t'),
    viewer: c.get('viewer'),
    formToken: formTokenFor(c, c.get('sessionToken')),
    url: new URL(c.req.url),
    consentNeeded: c.get('consentNeeded'),
  };
}

/** The same path and query with some parameters replaced (or removed, with undefined). */
export function withQuery(url: URL, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams(url.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}
