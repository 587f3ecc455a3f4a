import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../testing/test-hosts';
import type { Resolver } from './guarded-connector';
import { createRecheckEngine, type RecheckEngineOptions } from './recheck-engine';
import { DEFAULT_SIGNATURES } from './signatures';

// Real HTTP servers on 127.0.0.1 stand in for the web; the SSRF guard and the client are the real
// ones. Only DNS is played by the test, so that a name can answer what a hostile resolver would.

let version = 1;
let site: TestHost;
let inside: TestHost;
const engines: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  site = await startTestHost((req, res) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    switch (req.url) {
      case '/live':
        return send(200, '<h1>Материал</h1>');
      case '/changing':
        return send(200, `<p>version ${version}</p>`);
      case '/missing':
        return send(404, 'not found');
      case '/gone':
        return send(410, 'gone');
      case '/hop1':
        return send(302, '', { location: '/hop2' });
      case '/hop2':
        return send(301, '', { location: `${site.origin}/missing` });
      case '/loop':
        return send(302, '', { location: '/loop' });
      case '/block-page':
        return send(
          200,
          '<html><body><h1>Доступ к данному ресурсу ограничен</h1> в соответствии с законодательством Республики Казахстан</body></html>',
        );
      case '/legal':
        return send(451, 'Unavailable For Legal Reasons');
      case '/regional':
        return send(
          200,
          'This channel can’t be displayed. This content is not available in your country.',
        );
      case '/slow':
        return; // never answers
      case '/reset':
        return req.socket.destroy();
      case '/huge':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        return res.end(Buffer.alloc(3 * 1024 * 1024, 7));
      case '/to-inside':
        return send(302, '', { location: `${inside.origin}/live` });
      case '/to-metadata':
        return send(302, '', { location: 'http://169.254.169.254/latest/meta-data/' });
      case '/to-dns-private':
        return send(302, '', { location: `http://intranet.test:${inside.port}/` });
      default:
        return send(500, 'unexpected');
    }
  });
  inside = await startTestHost((_req, res) => res.end('internal'));
});
afterAll(async () => {
  await site.close();
  await inside.close();
});
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

const fakeDns =
  (answers: Record<string, string[]>): Resolver =>
  async (name) => {
    const found = answers[name];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return found;
  };

function engine(overrides: Partial<RecheckEngineOptions> = {}) {
  const created = createRecheckEngine({
    allowPrivate: true,
    signatures: DEFAULT_SIGNATURES,
    resolver: fakeDns({}),
    timeoutMs: 2_000,
    maxBodyBytes: 1024 * 1024,
    maxRedirects: 5,
    concurrency: 4,
    perHostIntervalMs: 0,
    ...overrides,
  });
  engines.push(created);
  return created;
}

describe('re-check outcomes against real local servers (private addresses allowed)', () => {
  it('finds a live page with the SHA-256 of its content', async () => {
    const check = await engine().check(`${site.origin}/live`, undefined);
    expect(check).toMatchObject({ outcome: 'live', httpStatus: 200, contentChanged: false });
    expect(check.contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells a changed page from an unchanged one by the previous live hash', async () => {
    const e = engine();
    version = 1;
    const first = await e.check(`${site.origin}/changing`, undefined);
    const same = await e.check(`${site.origin}/changing`, first.contentSha256);
    version = 2;
    const changed = await e.check(`${site.origin}/changing`, first.contentSha256);
    expect([same.outcome, same.contentChanged]).toEqual(['live', false]);
    expect([changed.outcome, changed.contentChanged]).toEqual(['live', true]);
    expect(changed.contentSha256).not.toBe(first.contentSha256);
  });

  it('calls 404 and 410 removed', async () => {
    const e = engine();
    expect(await e.check(`${site.origin}/missing`, undefined)).toMatchObject({
      outcome: 'removed',
      httpStatus: 404,
      detail: 'http_404',
    });
    expect(await e.check(`${site.origin}/gone`, undefined)).toMatchObject({
      outcome: 'removed',
      httpStatus: 410,
    });
  });

  it('follows a redirect chain by hand to the 404 at its end', async () => {
    const check = await engine().check(`${site.origin}/hop1`, undefined);
    expect(check).toMatchObject({ outcome: 'removed', finalUrl: `${site.origin}/missing` });
  });

  it('stops a redirect loop as unreachable', async () => {
    const check = await engine({ maxRedirects: 3 }).check(`${site.origin}/loop`, undefined);
    expect(check).toMatchObject({ outcome: 'unreachable', detail: 'too_many_redirects' });
  });

  it('recognises the RK block page by its text', async () => {
    expect(await engine().check(`${site.origin}/block-page`, undefined)).toMatchObject({
      outcome: 'blocked',
      detail: 'block_page',
    });
  });

  it('takes the operator’s signatures instead of the defaults', async () => {
    const signatures = { ...DEFAULT_SIGNATURES, blockPageText: ['материал'] };
    expect(await engine({ signatures }).check(`${site.origin}/live`, undefined)).toMatchObject({
      outcome: 'blocked',
    });
  });

  it('calls 451 and a platform’s regional block page geo-restricted', async () => {
    const e = engine();
    expect(await e.check(`${site.origin}/legal`, undefined)).toMatchObject({
      outcome: 'geo_restricted',
      httpStatus: 451,
    });
    expect(await e.check(`${site.origin}/regional`, undefined)).toMatchObject({
      outcome: 'geo_restricted',
      detail: 'regional_restriction_page',
    });
  });

  it('gives up on a server that never answers within the deadline', async () => {
    const began = Date.now();
    const check = await engine({ timeoutMs: 400 }).check(`${site.origin}/slow`, undefined);
    expect(check).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
    expect(Date.now() - began).toBeLessThan(1_500);
  });

  it('reads a connection reset as blocking, or as unreachable when the operator says so', async () => {
    expect(await engine().check(`${site.origin}/reset`, undefined)).toMatchObject({
      outcome: 'blocked',
      detail: 'connection_reset',
    });
    const signatures = { ...DEFAULT_SIGNATURES, resetMeansBlocked: false };
    expect(await engine({ signatures }).check(`${site.origin}/reset`, undefined)).toMatchObject({
      outcome: 'unreachable',
    });
  });

  it('calls a name that no longer resolves removed, and a connection refused unreachable', async () => {
    const e = engine();
    expect(await e.check('http://gone.test/page', undefined)).toMatchObject({
      outcome: 'removed',
      detail: 'dns_not_found',
    });
    const closed = await startTestHost(() => undefined);
    await closed.close();
    expect(await e.check(`${closed.origin}/`, undefined)).toMatchObject({
      outcome: 'unreachable',
      detail: 'connection_refused',
    });
  });

  it('calls a DNS block answer blocked without connecting to it', async () => {
    const resolver = fakeDns({ 'banned.test': ['0.0.0.0'] });
    const check = await engine({ resolver }).check('http://banned.test/x', undefined);
    expect(check).toMatchObject({ outcome: 'blocked', detail: 'dns_block_answer:0.0.0.0' });
  });

  it('hashes at most the body cap and says it was cut', async () => {
    const check = await engine({ maxBodyBytes: 64 * 1024 }).check(`${site.origin}/huge`, undefined);
    expect(check).toMatchObject({ outcome: 'live', detail: 'body_truncated' });
  });
});

describe('the SSRF guard (private addresses not allowed)', () => {
  const guarded = (overrides: Partial<RecheckEngineOptions> = {}) =>
    engine({ allowPrivate: false, ...overrides });

  it('refuses a loopback URL without a connection', async () => {
    const before = inside.connections();
    const check = await guarded().check(`${inside.origin}/live`, undefined);
    expect(check).toMatchObject({ outcome: 'refused', detail: 'forbidden_address:loopback' });
    expect(inside.connections()).toBe(before);
  });

  it('refuses loopback written as IPv4-mapped IPv6', async () => {
    const before = inside.connections();
    const check = await guarded().check(`http://[::ffff:127.0.0.1]:${inside.port}/`, undefined);
    expect(check.outcome).toBe('refused');
    expect(inside.connections()).toBe(before);
  });

  it('refuses a name whose DNS answers a private address, without a connection', async () => {
    const before = inside.connections();
    const resolver = fakeDns({ 'intranet.test': ['127.0.0.1'] });
    const check = await guarded({ resolver }).check(
      `http://intranet.test:${inside.port}/`,
      undefined,
    );
    expect(check).toMatchObject({ outcome: 'refused' });
    expect(inside.connections()).toBe(before);
  });

  it('refuses a name with one public and one private answer', async () => {
    const resolver = fakeDns({ 'mixed.test': ['93.184.216.34', '10.0.0.5'] });
    const check = await guarded({ resolver }).check('http://mixed.test/', undefined);
    expect(check).toMatchObject({ outcome: 'refused', detail: 'forbidden_address:private' });
  });

  describe('redirects from a public server (the local site stands in for one)', () => {
    const fromPublic = (resolver: Resolver = fakeDns({})) =>
      guarded({ exemptTargets: [`127.0.0.1:${site.port}`], resolver });

    it('follows the public server itself', async () => {
      expect(await fromPublic().check(`${site.origin}/live`, undefined)).toMatchObject({
        outcome: 'live',
      });
    });

    it('refuses a redirect to a private address, and the private server sees no connection', async () => {
      const before = inside.connections();
      const check = await fromPublic().check(`${site.origin}/to-inside`, undefined);
      expect(check).toMatchObject({ outcome: 'refused', finalUrl: `${inside.origin}/live` });
      expect(inside.connections()).toBe(before);
    });

    it('refuses a redirect to the cloud metadata address', async () => {
      const check = await fromPublic().check(`${site.origin}/to-metadata`, undefined);
      expect(check).toMatchObject({ outcome: 'refused', detail: 'forbidden_address:linkLocal' });
    });

    it('refuses a redirect to a name whose DNS answers loopback', async () => {
      const before = inside.connections();
      const resolver = fakeDns({ 'intranet.test': ['127.0.0.1'] });
      const check = await fromPublic(resolver).check(`${site.origin}/to-dns-private`, undefined);
      expect(check.outcome).toBe('refused');
      expect(inside.connections()).toBe(before);
    });
  });
});
