import { describe, expect, it } from 'vitest';
import { registrableDomain } from './registrable-domain';

describe('registrableDomain', () => {
  it.each([
    ['https://news.example.co.uk/a/b?c=1', 'example.co.uk'],
    ['https://www.Example.KZ/path', 'example.kz'],
    ['https://shop.example.com.kz/', 'example.com.kz'],
    ['https://someone.github.io/page', 'someone.github.io'],
    ['https://m.vk.com/wall-1_2', 'vk.com'],
    ['https://xn--80ak6aa92e.xn--p1ai/', 'xn--80ak6aa92e.xn--p1ai'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['http://[::1]:8080/x', '::1'],
    ['http://localhost:3000/', 'localhost'],
  ])('%s → %s', (url, domain) => {
    expect(registrableDomain(url)).toBe(domain);
  });

  it('tells two subdomains of one site from a look-alike site', () => {
    expect(registrableDomain('https://a.casino.kz/')).toBe(
      registrableDomain('https://b.casino.kz/'),
    );
    expect(registrableDomain('https://casino.kz.evil.com/')).toBe('evil.com');
  });
});
