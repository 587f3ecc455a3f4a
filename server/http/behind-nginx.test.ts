import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../features/auth/login-throttle';
import { freePort, type SpawnedServer, spawnServer } from '../testing/spawned-server';

// The committed nginx configuration (deploy/nginx/webtagger.conf), run for real in front of the
// real server, as docs/deploy.md tells operators to: TLS ends in nginx, the server trusts it as
// its one proxy (WEBTAGGER_TRUSTED_PROXIES=127.0.0.1). Clients connect from other loopback
// addresses (127.0.0.2, 127.0.0.3…), so that the proxy's address and each client's differ.

const ROOT = resolve(import.meta.dirname, '../..');
const SITE_CONFIG = join(ROOT, 'deploy/nginx/webtagger.conf');
const ADMIN = { email: 'admin@example.kz', password: 'admin password 1' };

/** Debian's nginx (or the one NGINX_PATH names); without it this suite fails, never skips. */
function findNginx(): string {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "nginx is needed to test the server behind its reverse proxy: install Debian's package " +
        '(sudo apt-get install -y nginx) or set NGINX_PATH to an nginx binary.',
    );
  }
  return found;
}

type Ports = { http: number; https: number; upstream: number };

/**
 * The committed site configuration with only what a test machine needs changed: loopback ports
 * instead of 80 and 443, a throwaway certificate, the test server's port. Each change must find
 * its line, so that the test follows the file rather than a copy of it.
 */
function configForTest(text: string, ports: Ports, certDir: string): string {
  const changes: [RegExp, string][] = [
    [/^\s*listen \[::\]:(80|443)[^;]*;\n/gm, ''],
    [/listen 80;/g, `listen 127.0.0.1:${ports.http};`],
    [/listen 443 ssl/g, `listen 127.0.0.1:${ports.https} ssl`],
    [/ssl_certificate \S+;/g, `ssl_certificate ${join(certDir, 'cert.pem')};`],
    [/ssl_certificate_key \S+;/g, `ssl_certificate_key ${join(certDir, 'key.pem')};`],
    [/server 127\.0\.0\.1:8787;/g, `server 127.0.0.1:${ports.upstream};`],
  ];
  return changes.reduce((config, [pattern, replacement]) => {
    if (config.search(pattern) === -1)
      throw new Error(`${SITE_CONFIG} has no line matching ${pattern}`);
    return config.replace(pattern, replacement);
  }, text);
}

/** nginx's main configuration around the site's, everything under `dir`. */
function mainConfig(dir: string): string {
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 128; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/webtagger.conf;
}
`;
}

function waitForPort(port: number, nginx: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  return new Promise((done, fail) => {
    const attempt = () => {
      if (nginx.exitCode !== null) {
        fail(new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`));
        return;
      }
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done();
      });
      socket.once('error', () => {
        if (Date.now() > deadline) fail(new Error('nginx did not listen within 10 s'));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
type Call = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The local address the connection comes from. */
  from: string;
};

let cert: Buffer;

/** One request on a fresh connection from `from`; https URLs must present the test certificate. */
function call(url: string, { method = 'GET', headers = {}, body, from }: Call): Promise<Answer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((done, fail) => {
    const req = send(
      url,
      { method, headers, localAddress: from, agent: false, ca: cert },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

const json = (value: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

describe('the server behind the committed nginx configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'webtagger-nginx-'));
  const dataDir = join(dir, 'data');
  let server: SpawnedServer;
  let nginx: ChildProcess | undefined;
  let ports: Ports;
  let proxied: string;
  let plain: string;

  beforeAll(async () => {
    const binary = findNginx();
    // nginx's workers drop root for `nobody`, who must reach the folder's temporary files.
    chmodSync(dir, 0o755);
    const certificate = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { encoding: 'utf8' },
    );
    if (certificate.error || certificate.status !== 0) {
      throw new Error(
        `openssl could not make a test certificate (apt-get install -y openssl): ${
          certificate.error?.message ?? certificate.stderr
        }`,
      );
    }
    cert = readFileSync(join(dir, 'cert.pem'));
    ports = { http: await freePort(), https: await freePort(), upstream: await freePort() };
    server = await spawnServer({
      dataDir,
      port: ports.upstream,
      env: {
        WEBTAGGER_TRUSTED_PROXIES: '127.0.0.1',
        WEBTAGGER_ADMIN_EMAIL: ADMIN.email,
        WEBTAGGER_ADMIN_PASSWORD: ADMIN.password,
      },
    });
    writeFileSync(
      join(dir, 'webtagger.conf'),
      configForTest(readFileSync(SITE_CONFIG, 'utf8'), ports, dir),
    );
    writeFileSync(join(dir, 'nginx.conf'), mainConfig(dir));
    nginx = spawn(
      binary,
      ['-e', join(dir, 'error.log'), '-p', dir, '-c', join(dir, 'nginx.conf')],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForPort(ports.https, nginx, dir);
    proxied = `https://127.0.0.1:${ports.https}`;
    plain = `http://127.0.0.1:${ports.http}`;
  }, 60_000);

  afterAll(async () => {
    const running = nginx;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Signs the admin in through `base` from `from`; the token, and the address the audit log kept. */
  async function signIn(base: string, from: string, headers: Record<string, string> = {}) {
    const login = await call(`${base}/api/auth/login`, {
      method: 'POST',
      from,
      ...json(ADMIN),
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(login.status, login.body).toBe(200);
    const { token } = JSON.parse(login.body) as { token: string };
    const audit = await call(`${proxied}/api/admin/audit?action=auth.login_succeeded&limit=1`, {
      from,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(audit.status, audit.body).toBe(200);
    const { events } = JSON.parse(audit.body) as { events: { ip: string | null }[] };
    return { token, recordedIp: events[0]?.ip };
  }

  it('answers over TLS with HSTS, and sends plain HTTP to HTTPS', async () => {
    const health = await call(`${proxied}/api/health`, { from: '127.0.0.2' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ ok: true });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const redirect = await call(`${plain}/api/health`, { from: '127.0.0.2' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toMatch(/^https:\/\/127\.0\.0\.1\/api\/health$/);
  });

  it("records the client's address as the proxy forwards it, not the proxy's", async () => {
    expect((await signIn(proxied, '127.0.0.2')).recordedIp).toBe('127.0.0.2');
    expect((await signIn(proxied, '127.0.0.3')).recordedIp).toBe('127.0.0.3');
  });

  it('drops an X-Forwarded-For the client sends to the proxy', async () => {
    for (const spoofed of ['203.0.113.9', '127.0.0.1', '203.0.113.9, 127.0.0.1']) {
      const { recordedIp } = await signIn(proxied, '127.0.0.3', { 'x-forwarded-for': spoofed });
      expect(recordedIp, spoofed).toBe('127.0.0.3');
    }
  });

  it('believes no X-Forwarded-For from a connection that is not the proxy', async () => {
    const { recordedIp } = await signIn(server.url, '127.0.0.4', {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(recordedIp).toBe('127.0.0.4');
  });

  it('limits failed sign-ins per client address, not per proxy, and a spoofed header escapes no limit', async () => {
    const fail = (from: string, n: number, headers: Record<string, string> = {}) =>
      call(`${proxied}/api/auth/login`, {
        method: 'POST',
        from,
        ...json({ email: `nobody-${from}-${n}@example.kz`, password: 'wrong password' }),
        headers: { 'content-type': 'application/json', ...headers },
      });
    for (let n = 0; n < LOGIN_LIMITS.perAddress; n++) {
      expect((await fail('127.0.0.5', n)).status).toBe(401);
    }
    const limited = await fail('127.0.0.5', LOGIN_LIMITS.perAddress);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body).error.code).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client behind the same proxy is not held back by those failures…
    expect((await fail('127.0.0.6', 0)).status).toBe(401);
    // …and the limited one cannot pass itself off as someone else.
    const spoofed = await fail('127.0.0.5', 999, { 'x-forwarded-for': '127.0.0.6' });
    expect(spoofed.status).toBe(429);
  }, 120_000);

  it("sets the site's cookies Secure behind TLS, and its forms work through the proxy", async () => {
    const { token } = await signIn(proxied, '127.0.0.7');
    const cookie = (answer: Answer, name: string) =>
      (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
    const direct = await call(`${server.url}/sign-in`, { from: '127.0.0.1' });
    expect(cookie(direct, 'wt_visitor')).not.toMatch(/;\s*Secure/i);

    const page = await call(`${proxied}/sign-in`, { from: '127.0.0.2' });
    expect(page.status).toBe(200);
    const visitor = cookie(page, 'wt_visitor');
    expect(visitor).toMatch(/;\s*Secure/i);
    expect(visitor).toMatch(/;\s*HttpOnly/i);
    const formToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    expect(formToken).toBeDefined();

    const signedIn = await call(`${proxied}/sign-in`, {
      method: 'POST',
      from: '127.0.0.2',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: visitor!.split(';')[0]!,
        origin: proxied,
      },
      body: new URLSearchParams({ ...ADMIN, next: '/', _csrf: formToken! }).toString(),
    });
    expect(signedIn.status, signedIn.body).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    expect(cookie(signedIn, 'wt_session')).toMatch(/;\s*Secure/i);
    // The site's sign-in, too, knows the client by the address the proxy forwarded.
    const audit = await call(`${proxied}/api/admin/audit?action=auth.login_succeeded&limit=1`, {
      from: '127.0.0.7',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(JSON.parse(audit.body).events[0]).toMatchObject({ ip: '127.0.0.2' });
  });

  it('answers a body over the proxy’s limit with the API’s error shape', async () => {
    const answer = await call(`${proxied}/api/auth/register`, {
      method: 'POST',
      from: '127.0.0.2',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(60 * 1024 * 1024),
      },
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      error: { code: 'payload_too_large', message: expect.any(String) },
    });
  });
});
