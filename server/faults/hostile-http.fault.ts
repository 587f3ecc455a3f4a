import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { openStorage, type Storage } from '../db/open';
import { describedRoutes } from '../features/openapi/registry';
import { recheckEngineFromConfig } from '../features/rechecks/engine-from-config';
import { silentLogger } from '../logger';
import { type SpawnedServer, spawnServer } from '../testing/spawned-server';
import { createTally, problemWith } from './support/answer-check';
import { hostileRequestsFor } from './support/hostile-requests';
import { roleTokens } from './support/role-tokens';
import { runSeed } from './support/seeded';

// R3 over real HTTP: a slice of the same hostile requests sent to the spawned server, then bytes no
// HTTP client would send (broken request lines, smuggling headers, bad UTF-8 in the path, lying
// lengths) on raw sockets. The server answers every one with a 4xx carrying a stable code (or
// closes a connection it cannot read a request from), and stays up.
const RUNS = Math.max(200, Math.floor(Number(process.env.FAULTS_FUZZ_RUNS ?? 10_000) / 10));
const seed = runSeed();
let dataDir: string;
let storage: Storage;
let server: SpawnedServer;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'webtagger-r3-http-'));
  storage = openStorage(dataDir);
  server = await spawnServer({ dataDir });
});
afterAll(async () => {
  await server?.stop();
  storage?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw bytes and reads what comes back until the server closes or a second passes. */
function rawExchange(payload: Buffer): Promise<string> {
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      socket.destroy();
      done(Buffer.concat(chunks).toString('latin1'));
    };
    socket.setTimeout(1500, finish);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(payload);
  });
}

/**
 * Sends a request on a raw socket as a careful client does: the head, a pause for an early answer
 * (a 413 is sent on the declared length, before the body is read), then the body in slices,
 * stopping as soon as the server answers; then parses the answer.
 */
function rawAnswer(
  request: { method: string; path: string; body?: Uint8Array },
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const body = Buffer.from(request.body ?? new Uint8Array(0));
  const head = [
    `${request.method} ${request.path} HTTP/1.1`,
    `Host: 127.0.0.1:${server.port}`,
    ...Object.entries(headers)
      .filter(([name]) => !/^(host|content-length|connection)$/i.test(name))
      .map(([name, value]) => `${name}: ${value}`),
    `Content-Length: ${body.byteLength}`,
    'Connection: close',
  ].join('\r\n');
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      socket.destroy();
      const reply = Buffer.concat(chunks);
      const split = reply.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(reply.toString('latin1'))?.[1] ?? 0);
      done({ status, body: split < 0 ? '' : reply.subarray(split + 4).toString() });
    };
    socket.setTimeout(5000, finish);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', finish);
    socket.on('close', finish);
    const send = async () => {
      socket.write(`${head}\r\n\r\n`, 'latin1');
      await new Promise((paused) => setTimeout(paused, 300));
      for (let at = 0; at < body.byteLength && chunks.length === 0; at += 64 * 1024) {
        const slice = body.subarray(at, at + 64 * 1024);
        await new Promise<void>((written) => socket.write(slice, () => written()));
      }
    };
    send().catch(finish);
  });
}

const RAW_REQUESTS: [string, Buffer][] = [
  ['a garbage request line', Buffer.from('GARBAGE\r\n\r\n')],
  ['no Host header', Buffer.from('GET /api/health HTTP/1.1\r\n\r\n')],
  [
    'a NUL in a header',
    Buffer.from(
      'GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer a\u0000b\r\n\r\n',
      'latin1',
    ),
  ],
  [
    'a 100 KB header',
    Buffer.from(`GET /api/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
  ],
  [
    'Content-Length and Transfer-Encoding together',
    Buffer.from(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/me HTTP/1.1\r\nHost: x\r\n\r\n',
    ),
  ],
  [
    'a bad chunk size',
    Buffer.from(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
    ),
  ],
  [
    'a body shorter than its Content-Length',
    Buffer.from(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"email":',
    ),
  ],
  [
    'two Content-Length headers',
    Buffer.from(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n{}',
    ),
  ],
  [
    'raw 0xFF bytes in the path',
    Buffer.concat([
      Buffer.from('GET /api/'),
      Buffer.from([0xff, 0xfe, 0xc0, 0xaf]),
      Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
    ]),
  ],
  [
    'an overlong UTF-8 escape in the path',
    Buffer.from('GET /api/policy/%C0%AF%C0%AF HTTP/1.1\r\nHost: x\r\n\r\n'),
  ],
  [
    'a broken escape in a path parameter',
    Buffer.from(
      'GET /api/materials/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n\r\n',
    ),
  ],
  [
    'an absolute-form target to another host',
    Buffer.from('GET http://evil.example/api/health HTTP/1.1\r\nHost: evil.example\r\n\r\n'),
  ],
  ['HTTP/0.9 style', Buffer.from('GET /\r\n\r\n')],
  ['an unknown HTTP version', Buffer.from('GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n')],
  [
    'a header line without a colon',
    Buffer.from('GET /api/health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'),
  ],
  [
    'bad UTF-8 JSON',
    Buffer.concat([
      Buffer.from(
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"email":"',
      ),
      Buffer.from([0xc0, 0xaf, 0xff, 0xfe, 0x80]),
      Buffer.from('"} '),
    ]),
  ],
];

describe(`R3 over real HTTP (seed ${seed})`, () => {
  it(`answers ${RUNS} hostile requests to the spawned server without a 5xx`, async () => {
    // The routes as the server registers them (building an app describes them all).
    const config = loadConfig({ WEBTAGGER_DATA_DIR: dataDir });
    createApp({
      storage,
      config,
      logger: silentLogger,
      now: () => new Date(),
      recheck: recheckEngineFromConfig(config.recheck),
    });
    const requests = fc.oneof(...describedRoutes().map((doc) => hostileRequestsFor(doc, ['1'])));
    const tokens = roleTokens(storage, () => new Date());
    const tally = createTally();
    const problems: string[] = [];
    let replayed = 0;
    for (const request of fc.sample(requests, { numRuns: RUNS, seed })) {
      // A connection per request: the server closes one after refusing a body early, and a pooled
      // connection it has closed would fail the next request before it reaches the server.
      const headers: Record<string, string> = { ...request.headers, connection: 'close' };
      const authorization = await tokens.authorization(request.role);
      if (authorization) headers.authorization = authorization;
      try {
        const response = await fetch(`${server.url}${request.path}`, {
          method: request.method,
          headers,
          body: request.body,
        });
        const body = await response.text();
        tally.add(request.route, response.status, body, request.method);
        const problem = problemWith(request.method, response.status, body);
        if (problem) problems.push(`${request.method} ${request.path.slice(0, 100)}: ${problem}`);
      } catch {
        // The server may answer a body it refuses early (413) and close the connection before the
        // client has finished sending it; the client then reports a failure, not the answer. The
        // same request sent on a raw socket shows what the server answered.
        replayed++;
        const answer = await rawAnswer(request, headers);
        tally.add(request.route, answer.status, answer.body, request.method);
        const problem =
          answer.status === 0
            ? `no answer to a body of ${request.body?.byteLength ?? 0} bytes`
            : problemWith(request.method, answer.status, answer.body);
        if (problem)
          problems.push(`${request.method} ${request.path.slice(0, 100)} (raw): ${problem}`);
      }
    }
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    console.info(
      `R3 over HTTP (seed ${seed}): ${RUNS} requests, ${replayed} answers read on a raw socket after the client failed\n${tally.summary()}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it.each(RAW_REQUESTS)(
    'refuses %s with a coded 4xx or a closed connection, and stays up',
    async (_, payload) => {
      const reply = await rawExchange(payload);
      const statuses = [...reply.matchAll(/^HTTP\/1\.[01] (\d{3})/gm)].map((m) => Number(m[1]));
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      const [first] = statuses;
      if (first !== undefined && first >= 400) {
        const head = reply.slice(0, reply.indexOf('\r\n\r\n'));
        const length = Number(/^content-length: (\d+)/im.exec(head)?.[1] ?? 0);
        const body = reply.slice(head.length + 4, head.length + 4 + length);
        expect(problemWith('POST', first, Buffer.from(body, 'latin1').toString())).toBeUndefined();
      }
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    },
  );
});
