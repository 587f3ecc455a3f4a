/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import type { Role } from '#shared/schemas/account';
import { LANGUAGE_NAMES } from '../i18n';
import { STYLESHEET_URL } from '../static-files';
import { type View, withQuery } from '../view';
import { Notice, PostForm } from './forms';

type NavItem = { href: string; label: string };

/** The sections a visitor may open, by role. */
function navItems(view: View): NavItem[] {
  const { nav } = view.t;
  const role: Role | undefined = view.viewer?.role;
  if (!role) {
    return [
      { href: '/', label: nav.home },
      { href: '/register', label: nav.register },
      { href: '/policy', label: nav.policy },
    ];
  }
  const items: NavItem[] = [{ href: '/', label: nav.home }];
  if (role === 'analyst') items.push({ href: '/my-reports', label: nav.myReports });
  if (role === 'reviewer' || role === 'admin') {
    items.push(
      { href: '/review', label: nav.materials },
      { href: '/review/notices', label: nav.notices },
      { href: '/stats', label: nav.stats },
    );
  }
  if (role === 'admin') {
    items.push(
      { href: '/admin/users', label: nav.users },
      { href: '/admin/policies', label: nav.policies },
      { href: '/admin/disclosures', label: nav.disclosures },
      { href: '/admin/subject-requests', label: nav.subjectRequests },
      { href: '/admin/audit', label: nav.audit },
    );
  }
  items.push({ href: '/me', label: nav.myData }, { href: '/policy', label: nav.policy });
  return items;
}

const matches = (view: View, href: string) =>
  href === '/' ? view.url.pathname === '/' : view.url.pathname.startsWith(href);

/** The item of the section the page is in: the longest matching path (notices within review). */
const currentOf = (view: View, items: NavItem[]) =>
  items.filter((item) => matches(view, item.href)).sort((a, b) => b.href.length - a.href.length)[0]
    ?.href;

function Nav(props: { view: View }) {
  const { view } = props;
  const items = navItems(view);
  const current = currentOf(view, items);
  return (
    <nav aria-label={view.t.nav.label}>
      <ul>
        {items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.href === current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitch(props: { view: View }) {
  const { view } = props;
  return (
    <ul class="languages" aria-label={view.t.languageSwitch}>
      {(['ru', 'kk', 'en'] as const).map((lang) => (
        <li>
          <a
            href={withQuery(view.url, { lang })}
            hreflang={lang}
            lang={lang}
            aria-current={lang === view.lang ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[lang]}
          </a>
        </li>
      ))}
    </ul>
  );
}

function Account(props: { view: View }) {
  const { view } = props;
  if (!view.viewer) {
    return (
      <div class="account">
        <a href="/sign-in">{view.t.nav.signIn}</a>
      </div>
    );
  }
  return (
    <div class="account">
      <span>{view.t.signedInAs(view.viewer.email)}</span>
      <span class="role">({view.t.roles[view.viewer.role]})</span>
      <PostForm view={view} action="/sign-out" class="inline">
        <button type="submit" class="link">
          {view.t.nav.signOut}
        </button>
      </PostForm>
    </div>
  );
}

/** Asks a signed-in user who has not accepted the current policy to do so, then come back here. */
function ConsentReminder(props: { view: View }) {
  const { view } = props;
  if (!view.consentNeeded) return null;
  const back = encodeURIComponent(`${view.url.pathname}${view.url.search}`);
  return (
    <Notice kind="info">
      {view.t.consent.needed(view.consentNeeded)}{' '}
      <a href={`/consent?next=${back}`}>{view.t.consent.review}</a>
    </Notice>
  );
}

/** The frame of every page: header with sections, language switch and account, then the page. */
export function Layout(props: {
  view: View;
  title: string;
  /** False on the page that asks for consent itself. */
  consentReminder?: boolean;
  /** A script of the site's own (static-files.ts) that enhances the page. */
  script?: string;
  children?: Child;
}) {
  const { view, title } = props;
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${view.t.siteName}`}</title>
        <link rel="stylesheet" href={STYLESHEET_URL} />
        {props.script && <script src={props.script} defer />}
      </head>
      <body>
        <a class="skip" href="#main">
          {view.t.skipToContent}
        </a>
        <header class="top">
          <a class="brand" href="/">
            {view.t.siteName}
          </a>
          <Nav view={view} />
          <LanguageSwitch view={view} />
          <Account view={view} />
        </header>
        <main id="main">
          <h1>{title}</h1>
          {props.consentReminder !== false && <ConsentReminder view={view} />}
          {props.children}
        </main>
      </body>
    </html>
  );
}
