import { getDomain, getHostname } from 'tldts';

/**
 * The registrable domain of a URL by the Public Suffix List that `tldts` bundles (no network):
 * `news.example.co.uk` → `example.co.uk`, `user.github.io` → `user.github.io` (a private suffix
 * counts: each such site is someone else's). A host with no registrable domain (an address,
 * `localhost`) stands for itself; null only when the URL has no host at all.
 */
export function registrableDomain(url: string): string | null {
  const domain = getDomain(url, { allowPrivateDomains: true });
  if (domain) return domain.toLowerCase();
  const host = getHostname(url);
  return host ? host.toLowerCase().replace(/^\[|\]$/g, '') : null;
}
