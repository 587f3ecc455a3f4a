import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import { createPgTestDatabase } from '../testing/pg-database';
import { spawnServer } from '../testing/spawned-server';
import { TEST_ENGINE } from '../testing/test-engine';
import { errorAnswer } from './answers';

// An outside client of the real server: a child process on a fresh data folder, spoken to only
// over HTTP. Nothing of the server's code is loaded here but the launcher.

/** The bootstrap admin every contract server starts with (WEBTAGGER_ADMIN_*). */
export const ADMIN = { email: 'admin@contract.test', password: 'contract admin password' };

export type Answer = { status: number; body: unknown; headers: Headers };

export type RequestOptions = {
  token?: string;
  /** A JSON body (sent as application/json). */
  json?: unknown;
  form?: FormData;
  /** Raw bytes, sent with `contentType`. */
  bytes?: Uint8Array;
  contentType?: string;
};

export type Api = {
  url: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  stop(): Promise<void>;
};

/**
 * Starts the real server (`server/main.ts`) on a fresh temporary data folder, and in the
 * PostgreSQL project on a fresh PostgreSQL database.
 */
export async function startServer(): Promise<Api> {
  const root = mkdtempSync(join(tmpdir(), 'webtagger-contract-'));
  const database = TEST_ENGINE === 'PostgreSQL' ? await createPgTestDatabase() : undefined;
  const server = await spawnServer({
    dataDir: join(root, 'data'),
    env: {
      ...(database ? { WEBTAGGER_DATABASE_URL: database.url } : {}),
      WEBTAGGER_ADMIN_EMAIL: ADMIN.email,
      WEBTAGGER_ADMIN_PASSWORD: ADMIN.password,
      // Every account of the suite registers from this one address: not what the contract tests.
      WEBTAGGER_REGISTRATIONS_PER_HOUR: '100000',
    },
  });
  return {
    url: server.url,
    request: (method, path, options = {}) => send(server.url, method, path, options),
    async stop() {
      await server.stop();
      await database?.drop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function send(base: string, method: string, path: string, options: RequestOptions) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: RequestInit['body'];
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  } else if (options.bytes) {
    if (options.contentType) headers['content-type'] = options.contentType;
    body = options.bytes;
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = /^application\/json\b/.test(response.headers.get('content-type') ?? '');
  return {
    status: response.status,
    body: isJson && text ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

/** Asserts a status and the answer's shape; gives the whole body (extra fields kept), typed. */
export function expectAnswer<S extends z.ZodType>(
  answer: Answer,
  status: number,
  shape: S,
): z.infer<S> {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const parsed = shape.safeParse(answer.body);
  expect(parsed.error?.issues ?? [], 'the answer has the shape of api.md').toEqual([]);
  return answer.body as z.infer<S>;
}

/** Asserts an error answer: its status and `{ error: { code, message, details? } }` with `code`. */
export function expectError(answer: Answer, status: number, code: string): unknown {
  const body = expectAnswer(answer, status, errorAnswer);
  expect(body.error.code).toBe(code);
  return body.error.details;
}
