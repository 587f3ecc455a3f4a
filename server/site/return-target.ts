/** Stands for the site's own origin while a return target is resolved. */
const SITE = 'http://site.invalid';

/**
 * A place on this site to send the visitor back to, as path and query; home for anything else.
 * The target is resolved with the URL parser (dot segments, backslashes, percent-encoded dots),
 * and the result must resolve to this site again: a path such as `//evil.example`, which
 * `/.//evil.example` becomes, is read by browsers as another host.
 */
export function returnTarget(target: string | undefined): string {
  if (!target || target.length > 1000 || !target.startsWith('/')) return '/';
  const resolved = URL.parse(target, SITE);
  if (resolved?.origin !== SITE) return '/';
  const path = `${resolved.pathname}${resolved.search}`;
  return URL.parse(path, SITE)?.origin === SITE && !path.startsWith('//') ? path : '/';
}

/**
 * The page of this site a Referer names, as a return target; home when it names another site.
 * Hosts are compared, not schemes: behind a TLS proxy the server itself is reached over HTTP.
 */
export function returnTargetFromReferer(referer: string | undefined, siteUrl: string): string {
  const from = referer ? URL.parse(referer) : null;
  if (!from || !/^https?:$/.test(from.protocol) || from.host !== new URL(siteUrl).host) return '/';
  return returnTarget(`${from.pathname}${from.search}`);
}
