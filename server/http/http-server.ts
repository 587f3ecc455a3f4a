import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '#shared/schemas/errors';
import type { ServerBindings } from './env';
import { clientAddressOf, type TrustedProxies } from './trusted-proxies';

const REASONS: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'Bad Request',
  headers_too_large: 'Request Header Fields Too Large',
};

/** The raw HTTP answer to a request Node's parser refused before the app could see it. */
export function malformedRequestAnswer(parserCode: string | undefined): string {
  const code: ErrorCode =
    parserCode === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'validation_failed';
  const message =
    code === 'headers_too_large'
      ? 'The request headers are too large.'
      : 'The request is not valid HTTP.';
  const body = errorJson(code, message);
  return [
    `HTTP/1.1 ${ERROR_STATUS[code]} ${REASONS[code]}`,
    'Content-Type: application/json; charset=UTF-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

const errorJson = (code: ErrorCode, message: string) =>
  JSON.stringify({ error: { code, message } } satisfies ErrorBody);

/** Whether a request names a host the way HTTP/1.1 requires: present, and a bare host[:port]. */
function hasValidHost(request: IncomingMessage): boolean {
  const host = request.headers.host;
  if (!host) return request.httpVersion === '1.0';
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() || `${url.hostname}:80` === host.toLowerCase();
  } catch {
    return false;
  }
}

/** How the app is served: the host name of request URLs, and the proxies in front of it. */
export type ApiServerOptions = { hostname: string; trustedProxies: TrustedProxies };

/**
 * The HTTP server of the app: every refusal it makes itself carries the API's error shape. Node's
 * own Host check answers with an empty body, so requests without a proper Host are refused here
 * instead; requests the parser cannot read are answered by `answerMalformedRequests`. Each request
 * reaches the app with the client's address (`ServerBindings`), read through trusted proxies.
 */
export function createApiServer(
  fetch: (request: Request, env: ServerBindings) => Response | Promise<Response>,
  options: ApiServerOptions,
): Server {
  const listener = getRequestListener(
    (request, env) => {
      const forwardedFor = env.incoming.headers['x-forwarded-for'];
      const clientAddress = clientAddressOf(
        env.incoming.socket.remoteAddress ?? 'unknown',
        Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
        options.trustedProxies,
      );
      return fetch(request, { ...env, clientAddress });
    },
    { hostname: options.hostname },
  );
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    if (hasValidHost(request)) {
      listener(request, response);
      return;
    }
    const body = errorJson('validation_failed', 'The request has no valid Host header.');
    response.writeHead(400, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
  answerMalformedRequests(server);
  return server;
}

/**
 * Answers requests that fail HTTP parsing (over-long heads, broken request lines, bad chunking)
 * with the API's error shape instead of Node's bare status line, so that every refusal carries a
 * stable code. Timeouts and resets are closed without an answer: nobody is listening for one.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const silent = error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    if (silent || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(malformedRequestAnswer(error.code));
  });
}
