import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '#shared/schemas/errors';
import { createApiServer } from './http-server';
import { trustedProxies } from './trusted-proxies';

let server: Server;
let port: number;

beforeAll(async () => {
  // Answers once the body is read, so that a broken body is the parser's to refuse.
  server = createApiServer(
    async (request) => {
      await request.arrayBuffer();
      return new Response(`ok ${new URL(request.url).host}`);
    },
    { hostname: '127.0.0.1', trustedProxies: trustedProxies([]) },
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

/** Writes raw bytes and reads the answer until the server closes the connection. */
function exchange(payload: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => fail(new Error('no answer')));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => done(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', fail);
    socket.write(payload);
  });
}

function parse(answer: string) {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return {
    status: Number(head.split(' ')[1]),
    head,
    body: errorBodySchema.parse(JSON.parse(body)),
  };
}

describe('requests the HTTP parser refuses', () => {
  it('answer an over-long head with 431 and the headers_too_large code', async () => {
    const answer = parse(
      await exchange(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.body.error.code).toBe('headers_too_large');
    expect(answer.head).toMatch(/content-type: application\/json/i);
  });

  it.each([
    ['a garbage request line', 'GARBAGE\r\n\r\n'],
    ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n'],
    ['a header line without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'],
  ])('answer %s with 400 validation_failed', async (_, payload) => {
    const answer = parse(await exchange(payload));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });

  it('leave the server answering well-formed requests', async () => {
    await exchange('GARBAGE\r\n\r\n');
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe(`ok 127.0.0.1:${port}`);
  });
});

describe('the Host header', () => {
  it.each([
    ['missing from an HTTP/1.1 request', 'GET / HTTP/1.1\r\n\r\n'],
    ['not a host name', 'GET / HTTP/1.1\r\nHost: a/b@c\r\n\r\n'],
  ])('is refused with 400 validation_failed when %s', async (_, payload) => {
    const answer = parse(await exchange(payload));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('validation_failed');
  });

  it('may be left out by an HTTP/1.0 client', async () => {
    const answer = await exchange('GET / HTTP/1.0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('ok 127.0.0.1');
  });
});
