import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, InvalidUrlError, isTaggableUrl, urlKeyHash } from './url-key';

describe('canonicalUrl', () => {
  it.each([
    ['an http URL takes the https scheme', 'http://example.kz/a', 'https://example.kz/a'],
    ['an upper-case scheme is read', 'HTTPS://example.kz/a', 'https://example.kz/a'],
    ['the host is lower-cased', 'https://News.Example.KZ/a', 'https://news.example.kz/a'],
    ['an IDN host becomes punycode', 'https://сайт.қаз/', 'https://xn--80aswg.xn--80ao21a/'],
    [
      'an upper-case IDN host is lower-cased',
      'https://САЙТ.ҚАЗ/',
      'https://xn--80aswg.xn--80ao21a/',
    ],
    ['a trailing dot of the host is dropped', 'https://example.kz./a', 'https://example.kz/a'],
    ['a leading www. is dropped', 'https://www.example.kz/a', 'https://example.kz/a'],
    ['repeated www. are dropped in one step', 'https://www.www.example.kz/', 'https://example.kz/'],
    ['www. stays when nothing but a TLD would be left', 'https://www.kz/', 'https://www.kz/'],
    ['port 80 is dropped', 'http://example.kz:80/a', 'https://example.kz/a'],
    ['port 443 is dropped', 'https://example.kz:443/a', 'https://example.kz/a'],
    ['port 443 on http is dropped', 'http://example.kz:443/a', 'https://example.kz/a'],
    ['another port is kept', 'https://example.kz:8443/a', 'https://example.kz:8443/a'],
    ['user info is dropped', 'https://user:secret@example.kz/a', 'https://example.kz/a'],
    ['surrounding whitespace is trimmed', '  https://example.kz/a \n', 'https://example.kz/a'],
    ['an IPv4 host is kept', 'http://10.0.0.1:8080/a', 'https://10.0.0.1:8080/a'],
    ['an IPv6 host is kept', 'http://[::1]/a', 'https://[::1]/a'],
  ])('scheme and host: %s', (_, input, key) => {
    expect(canonicalUrl(input)).toBe(key);
  });

  it.each([
    ['escaped unreserved characters are decoded', '/%41%7e%2D%5f%2E', '/A~-_.'],
    ['other escapes get upper-case hex', '/%d1%81%3b', '/%D1%81%3B'],
    ['a non-ASCII character is escaped once', '/сайт', '/%D1%81%D0%B0%D0%B9%D1%82'],
    ['an escaped slash stays escaped', '/a%2Fb', '/a%2Fb'],
    ['literal reserved characters stay literal', "/a;b=c:d@e!$&'()*+,", "/a;b=c:d@e!$&'()*+,"],
    ['characters engines treat differently are escaped', '/a|b^c[d]', '/a%7Cb%5Ec%5Bd%5D'],
    ['a stray percent sign is escaped', '/100%', '/100%25'],
    ['dot segments are resolved', '/a/./b/../c', '/a/c'],
    ['escaped dot segments are resolved', '/a/%2e%2E/c', '/c'],
    ['duplicate slashes are collapsed', '/a//b///c', '/a/b/c'],
    ['a trailing slash is dropped', '/a/b/', '/a/b'],
    ['the root stays a slash', '/', '/'],
    ['an empty path is the root', '', '/'],
    ['path case is kept', '/News/Item', '/News/Item'],
  ])('path: %s', (_, path, keyPath) => {
    expect(canonicalUrl(`https://example.kz${path}`)).toBe(`https://example.kz${keyPath}`);
  });

  it.each([
    ['%20 and + are both a space', '?q=a%20b', '?q=a+b'],
    ['+ stays a space', '?q=a+b', '?q=a+b'],
    ['escapes are normalized', '?q=%7e%d1%81', '?q=%7E%D1%81'],
    ['keys are sorted', '?b=2&a=1&c=3', '?a=1&b=2&c=3'],
    ['repeated keys keep their order', '?b=2&a=z&a=y&a=x', '?a=z&a=y&a=x&b=2'],
    ['an empty query is dropped', '?', ''],
    ['a query of separators is dropped', '?&&', ''],
    ['a key without a value gets an empty value', '?flag', '?flag='],
    ['escaped separators stay inside a value', '?q=a%26b%3Dc', '?q=a%26b%3Dc'],
    ['utm_* parameters are removed', '?utm_source=tg&utm_medium=x&UTM_Campaign=y&id=1', '?id=1'],
    [
      'click and mail ids are removed',
      '?gclid=1&dclid=2&fbclid=3&yclid=4&ysclid=5&mc_cid=6&mc_eid=7&id=1',
      '?id=1',
    ],
    ['share markers are removed', '?igsh=1&igshid=2&_ga=3&ref_src=4&spm=5&id=1', '?id=1'],
    ['si is kept outside YouTube', '?si=1', '?si=1'],
    ['a query of tracking parameters only is dropped', '?utm_source=x&fbclid=y', ''],
  ])('query: %s', (_, query, keyQuery) => {
    expect(canonicalUrl(`https://example.kz/a${query}`)).toBe(`https://example.kz/a${keyQuery}`);
  });

  it.each([
    ['a fragment is dropped', 'https://example.kz/a#comments', 'https://example.kz/a'],
    ['an empty fragment is dropped', 'https://example.kz/a#', 'https://example.kz/a'],
    ['a #! without a slash is dropped', 'https://example.kz/a#!top', 'https://example.kz/a'],
    ['a hash-bang route is kept', 'https://example.kz/#!/news/5', 'https://example.kz/#!/news/5'],
    [
      'a hash-bang route follows the query',
      'https://example.kz/app?b=2&a=1#!/news/5',
      'https://example.kz/app?a=1&b=2#!/news/5',
    ],
    [
      'a hash-bang route is normalized like a path',
      'https://example.kz/#!/a//b/../c/./%2e/%7e/',
      'https://example.kz/#!/a/c/~',
    ],
    [
      'the query of a hash-bang route is normalized like a query',
      'https://example.kz/#!/search?utm_source=x&q=a%20b&a=1',
      'https://example.kz/#!/search?a=1&q=a+b',
    ],
    ['an empty hash-bang route is dropped', 'https://example.kz/a#!/', 'https://example.kz/a'],
  ])('fragment: %s', (_, input, key) => {
    expect(canonicalUrl(input)).toBe(key);
  });

  it.each([
    [
      'm.facebook.com',
      'https://m.facebook.com/story.php?id=1',
      'https://facebook.com/story.php?id=1',
    ],
    ['mobile.facebook.com', 'https://mobile.facebook.com/page', 'https://facebook.com/page'],
    ['m.vk.com', 'https://m.vk.com/wall-1_2', 'https://vk.com/wall-1_2'],
    ['m.ok.ru', 'https://m.ok.ru/group/1', 'https://ok.ru/group/1'],
    ['mobile.twitter.com', 'https://mobile.twitter.com/u/status/1', 'https://x.com/u/status/1'],
    ['twitter.com', 'https://twitter.com/u/status/1?s=20', 'https://x.com/u/status/1?s=20'],
    ['www.twitter.com', 'https://www.twitter.com/u', 'https://x.com/u'],
    ['m.x.com', 'https://m.x.com/u/status/1', 'https://x.com/u/status/1'],
    ['m. of another site', 'https://m.example.kz/a', 'https://m.example.kz/a'],
    ['youtu.be', 'https://youtu.be/dQw4w9WgXcQ', 'https://youtube.com/watch?v=dQw4w9WgXcQ'],
    [
      'youtu.be with a playlist, time and share id',
      'https://youtu.be/dQw4w9WgXcQ?si=abc&t=42&list=PL1',
      'https://youtube.com/watch?list=PL1&v=dQw4w9WgXcQ',
    ],
    [
      'youtube shorts',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'youtube embed',
      'https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'youtube live',
      'https://youtube.com/live/dQw4w9WgXcQ',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'm.youtube.com watch with time and share id',
      'https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=30s&si=x&feature=youtu.be',
      'https://youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'a youtube channel page keeps its query apart from si',
      'https://www.youtube.com/@channel/videos?view=0&si=x',
      'https://youtube.com/@channel/videos?view=0',
    ],
    [
      'a youtube playlist embed',
      'https://youtube.com/embed/videoseries?list=PL1',
      'https://youtube.com/embed/videoseries?list=PL1',
    ],
    ['telegram.me', 'https://telegram.me/channel/123', 'https://t.me/channel/123'],
    ['t.me/s/NAME', 'https://t.me/s/channel', 'https://t.me/channel'],
    ['t.me/s/NAME/123', 'https://t.me/s/channel/123', 'https://t.me/channel/123'],
    ['t.me/s/s/NAME, in one step', 'https://t.me/s/s/channel', 'https://t.me/channel'],
    ['t.me single view', 'https://t.me/channel/123?single', 'https://t.me/channel/123'],
    ['t.me comment', 'https://t.me/channel/123?comment=7', 'https://t.me/channel/123?comment=7'],
    [
      'instagram',
      'https://www.instagram.com/p/Cabc123/?igsh=MXZ&img_index=1',
      'https://instagram.com/p/Cabc123',
    ],
    [
      'tiktok',
      'https://www.tiktok.com/@user/video/7300000000000000000?is_from_webapp=1&sender_device=pc',
      'https://tiktok.com/@user/video/7300000000000000000',
    ],
  ])('platform: %s', (_, input, key) => {
    expect(canonicalUrl(input)).toBe(key);
  });

  it.each([
    ['path case', 'https://example.kz/News', 'https://example.kz/news'],
    ['a non-tracking parameter value', 'https://example.kz/?id=1', 'https://example.kz/?id=2'],
    ['another subdomain', 'https://news.example.kz/a', 'https://example.kz/a'],
    ['another post id', 'https://t.me/channel/123', 'https://t.me/channel/124'],
    ['another video', 'https://youtu.be/aaaaaaaaaaa', 'https://youtu.be/aaaaaaaaaab'],
    ['another playlist', 'https://youtu.be/a?list=PL1', 'https://youtu.be/a?list=PL2'],
    ['an escaped slash and a slash', 'https://example.kz/a%2Fb', 'https://example.kz/a/b'],
    ['another port', 'https://example.kz:8080/', 'https://example.kz/'],
    ['another hash-bang route', 'https://example.kz/#!/a', 'https://example.kz/#!/b'],
    [
      'a query value and its escaped form',
      'https://example.kz/?q=a%2Bb',
      'https://example.kz/?q=a+b',
    ],
  ])('keeps materials apart: %s', (_, one, other) => {
    expect(canonicalUrl(one)).not.toBe(canonicalUrl(other));
  });

  it('writes a host left by its trailing dots as the URL parser reads it, so the key of a key is itself', () => {
    expect(canonicalUrl('https://0.%2e')).toBe('https://0.0.0.0/');
    expect(canonicalUrl(canonicalUrl('https://0.%2e'))).toBe('https://0.0.0.0/');
  });

  it('canonicalizes inputs longer than the schema limit', () => {
    const path = `/${'a'.repeat(5000)}`;
    expect(canonicalUrl(`http://www.example.kz${path}/`)).toBe(`https://example.kz${path}`);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['javascript:', 'javascript:alert(1)'],
    ['ftp:', 'ftp://example.kz/file'],
    ['mailto:', 'mailto:someone@example.kz'],
    ['data:', 'data:text/html,hi'],
    ['a relative path', '/news/5'],
    ['a bare domain', 'example.kz/news'],
    ['http:// with no host', 'http://'],
    ['a host of dots only', 'http://./'],
    ['an invalid IPv4 host', 'http://999.1.1.1/'],
  ])('rejects %s with InvalidUrlError', (_, input) => {
    expect(() => canonicalUrl(input)).toThrow(InvalidUrlError);
    try {
      canonicalUrl(input);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_url', name: 'InvalidUrlError' });
      expect((error as Error).message).not.toContain(input.trim() || '\u0000');
    }
  });
});

describe('isTaggableUrl', () => {
  it('accepts http and https URLs', () => {
    expect(isTaggableUrl('http://example.kz')).toBe(true);
    expect(isTaggableUrl(' https://сайт.қаз/новости ')).toBe(true);
  });

  it('refuses what canonicalUrl refuses', () => {
    for (const input of ['', 'javascript:void(0)', 'ftp://example.kz', '/a', 'http://']) {
      expect(isTaggableUrl(input)).toBe(false);
    }
  });
});

describe('urlKeyHash', () => {
  it('is the first 16 hex characters of the SHA-256 of the UTF-8 key', () => {
    // Computed with node:crypto: createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 16)
    expect(urlKeyHash('https://example.kz/')).toBe('06c4c3f312d45d86');
    expect(urlKeyHash('https://xn--80aswg.xn--80ao21a/')).toBe('abfba1121483a080');
  });

  it('gives different keys different hashes', () => {
    expect(urlKeyHash('https://example.kz/a')).not.toBe(urlKeyHash('https://example.kz/b'));
  });

  it('is always 16 lower-case hex characters and the same for the same key', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (key) => {
        const hash = urlKeyHash(key);
        expect(hash).toMatch(/^[0-9a-f]{16}$/);
        expect(urlKeyHash(key)).toBe(hash);
      }),
    );
  });
});
