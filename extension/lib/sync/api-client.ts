import { z } from 'zod';
import { REVIEW_STATUS_CODES } from '#shared/review-status';
import { type LoginRequest, loginResponseSchema, meResponseSchema } from '#shared/schemas/account';
import { type ErrorCode, errorBodySchema } from '#shared/schemas/errors';
import { evidenceUploadResponseSchema } from '#shared/schemas/evidence';
import { type ConsentRequest, currentPolicySchema } from '#shared/schemas/policy';
import {
  knownUrlsResponseSchema,
  mutationResultSchema,
  type PushRequest,
  pullResponseSchema,
} from '#shared/schemas/sync';

/** An answer of the server that is an error: a stable code, or `network` when it could not be reached. */
export class ApiClientError extends Error {
  constructor(
    readonly code: ErrorCode | 'network' | 'bad_response',
    message: string,
    readonly status = 0,
    readonly details?: unknown,
    /** How long the server asked us to wait (Retry-After), when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Whether trying again later may succeed (the server was unreachable or failed). */
  get retryable(): boolean {
    return this.code === 'network' || this.code === 'too_many_requests' || this.status >= 500;
  }
}

/**
 * What the sync engine reads of a push answer: each result, and of the stored report only its
 * review status and version. The reports themselves are not checked again field by field: at 500
 * per batch that was a good part of the sync's time.
 */
const pushAnswerSchema = z.object({
  results: z.array(
    mutationResultSchema.extend({
      report: z
        .object({ status: z.enum(REVIEW_STATUS_CODES), version: z.number().int().positive() })
        .optional(),
    }),
  ),
});
/** One result of a push, as the sync engine reads it. */
export type PushResult = z.infer<typeof pushAnswerSchema>['results'][number];

type Call = {
  method?: string;
  path: string;
  token?: string;
  body?: unknown;
  /** Bytes sent as they are, with this media type, instead of a JSON body. */
  raw?: { data: Blob | ArrayBuffer; type: string };
};

/** A typed client of the one configured server; the extension talks to no other origin. */
export function createApiClient(serverUrl: string, fetchImpl: typeof fetch) {
  const base = serverUrl.replace(/\/+$/, '');

  async function call<S extends z.ZodType>(schema: S | null, c: Call): Promise<z.infer<S>> {
    let response: Response;
    try {
      response = await fetchImpl(base + c.path, {
        method: c.method ?? 'GET',
        headers: {
          ...(c.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(c.raw ? { 'content-type': c.raw.type } : {}),
          ...(c.token ? { authorization: `Bearer ${c.token}` } : {}),
        },
        body: c.raw ? c.raw.data : c.body === undefined ? undefined : JSON.stringify(c.body),
      });
    } catch {
      throw new ApiClientError('network', 'The server could not be reached.');
    }
    const text = await response.text();
    const json = text ? safeJson(text) : undefined;
    if (!response.ok) {
      // An HTTP date counts from the server's own Date: the two clocks may disagree.
      const retryAfterMs = parseRetryAfter(
        response.headers.get('retry-after'),
        Date.parse(response.headers.get('date') ?? ''),
      );
      const parsed = errorBodySchema.safeParse(json);
      if (parsed.success) {
        const { code, message, details } = parsed.data.error;
        throw new ApiClientError(code, message, response.status, details, retryAfterMs);
      }
      throw new ApiClientError(
        'bad_response',
        `The server answered ${response.status}.`,
        response.status,
        undefined,
        retryAfterMs,
      );
    }
    if (schema === null) return undefined as z.infer<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new ApiClientError('bad_response', 'The server answered something unexpected.');
    return parsed.data;
  }

  return {
    login: (body: LoginRequest) =>
      call(loginResponseSchema, { method: 'POST', path: '/api/auth/login', body }),
    logout: (token: string) => call(null, { method: 'POST', path: '/api/auth/logout', token }),
    me: (token: string) => call(meResponseSchema, { path: '/api/me', token }),
    currentPolicy: () => call(currentPolicySchema, { path: '/api/policy/current' }),
    consent: (token: string, body: ConsentRequest) =>
      call(null, { method: 'POST', path: '/api/consent', token, body }),
    push: (token: string, body: PushRequest) =>
      call(pushAnswerSchema, { method: 'POST', path: '/api/sync/push', token, body }),
    pull: (token: string, cursor?: string, limit?: number) =>
      call(pullResponseSchema, {
        path: `/api/sync/pull${query({ cursor, limit })}`,
        token,
      }),
    knownUrls: (token: string, cursor?: string) =>
      call(knownUrlsResponseSchema, { path: `/api/known-urls${query({ cursor })}`, token }),
    uploadEvidence: (token: string, sha256: string, mime: string, data: Blob | ArrayBuffer) =>
      call(evidenceUploadResponseSchema, {
        method: 'PUT',
        path: `/api/evidence/${sha256}`,
        token,
        raw: { data, type: mime },
      }),
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Retry-After as milliseconds: delay-seconds, or an HTTP date counted from `serverNow` (the
 * answer's Date; RFC 9110 §10.2.3). A date without a usable Date header tells nothing.
 */
export function parseRetryAfter(value: string | null, serverNow: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) || Number.isNaN(serverNow) ? undefined : Math.max(0, at - serverNow);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
