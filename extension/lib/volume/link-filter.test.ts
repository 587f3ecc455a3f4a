import { describe, expect, it } from 'vitest';
import { domainOf, filterLinks, linkDomains, type PageLink } from './link-filter';

const LINKS: PageLink[] = [
  { url: 'https://www.casino.example/play', text: 'Играть сейчас' },
  { url: 'https://m.casino.example/bonus', text: 'Бонус' },
  { url: 'https://news.example/article', text: 'Casino news' },
  { url: 'https://other.example/', text: 'Главная' },
];

describe('link filtering', () => {
  it('matches every word of the text filter in the text or URL, in any case', () => {
    expect(filterLinks(LINKS, { text: 'CASINO', domain: '' }).map((l) => l.url)).toEqual([
      LINKS[0]!.url,
      LINKS[1]!.url,
      LINKS[2]!.url,
    ]);
    expect(filterLinks(LINKS, { text: 'casino news', domain: '' })).toEqual([LINKS[2]]);
    expect(filterLinks(LINKS, { text: 'бонус', domain: '' })).toEqual([LINKS[1]]);
  });

  it('keeps a domain and its subdomains, and combines with the text', () => {
    expect(filterLinks(LINKS, { text: '', domain: 'casino.example' })).toEqual([
      LINKS[0],
      LINKS[1],
    ]);
    expect(filterLinks(LINKS, { text: 'бонус', domain: 'news.example' })).toEqual([]);
  });

  it('lists the domains most linked first, without www', () => {
    expect(domainOf('https://www.casino.example/x')).toBe('casino.example');
    expect(linkDomains([...LINKS, { url: 'https://other.example/2', text: '' }])).toEqual([
      { domain: 'other.example', count: 2 },
      { domain: 'casino.example', count: 1 },
      { domain: 'm.casino.example', count: 1 },
      { domain: 'news.example', count: 1 },
    ]);
  });
});
