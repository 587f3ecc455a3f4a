/** A link of the page, as page-links.ts reads it: its absolute URL and its visible text. */
export type PageLink = { url: string; text: string };

/** The host a link points to, without a leading `www.` (what the domain filter offers). */
export function domainOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The domains of the links, most linked first (ties by name), with how many links each has. */
export function linkDomains(links: readonly PageLink[]): { domain: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const link of links) {
    const domain = domainOf(link.url);
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
  }
  return [...counts]
    .map(([domain, count]) => ({ domain, count }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain));
}

export type LinkFilter = {
  /** Words the link's text or URL must contain (any case), or ''. */
  text: string;
  /** The domain the link must point to (its subdomains too), or '' for any. */
  domain: string;
};

/** The links that pass the filter, in the page's order. */
export function filterLinks(links: readonly PageLink[], filter: LinkFilter): PageLink[] {
  const words = filter.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const domain = filter.domain.toLocaleLowerCase();
  return links.filter((link) => {
    if (domain) {
      const host = domainOf(link.url);
      if (host !== domain && !host.endsWith(`.${domain}`)) return false;
    }
    const haystack = `${link.text} ${link.url}`.toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
