import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDoc } from '../../features/openapi/registry';
import { BOUNDARY, binaryBody, jsonBody, multipartBody, nastyText } from './hostile-bodies';

/**
 * Hostile requests for any described route: fuzzed and wrongly typed JSON, huge fields, bad UTF-8,
 * bad multipart, odd path parameters, queries and headers — built as plain descriptions so that
 * the same ones can go through `app.request` or over real HTTP.
 */

export const ROLES = ['none', 'analyst', 'reviewer', 'admin', 'garbage'] as const;
export type Role = (typeof ROLES)[number];

export type HostileRequest = {
  method: string;
  path: string;
  /** Who sends it; the sender turns it into a live token (or a garbage one). */
  role: Role;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** The route it was made for, and how: for the tallies. */
  route: string;
  kind: string;
};

// Header values must be printable ASCII for an HTTP client to send them at all.
const headerText = (max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: max,
  });

/** A path parameter: a real id now and then, else something that is not one. */
function pathValue(known: readonly string[]) {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.uuid().map((u) => encodeURIComponent(u)) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.constantFrom(...'0123456789abcdef'),
        minLength: 64,
        maxLength: 64,
      }),
    },
    { weight: 3, arbitrary: nastyText.map(encodeLoosely) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%C0%AF',
        '%FF',
        '..%2F..%2Fetc%2Fpasswd',
        '%00',
        'a%2Fb',
      ),
    },
  );
}

/** Percent-encodes what it can; text with lone surrogates goes through as broken escapes. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

function queryString(keys: readonly string[]) {
  const pair = fc.tuple(
    fc.oneof(fc.constantFrom(...keys, 'cursor', 'limit'), fc.string({ maxLength: 10 })),
    fc.oneof(
      nastyText,
      fc.integer().map(String),
      fc.constantFrom('-1', '0', '1e9', 'NaN', 'true', '[]'),
    ),
  );
  return fc
    .array(pair, { maxLength: 5 })
    .map((pairs) =>
      pairs.length
        ? `?${pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&')}`
        : '',
    );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  `multipart/form-data; boundary=${BOUNDARY}`,
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'image/png',
  'image/jpeg',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
];

const extraHeaders = fc.dictionary(
  fc.constantFrom(
    'accept-language',
    'cookie',
    'origin',
    'x-forwarded-for',
    'user-agent',
    'accept',
    'if-none-match',
    'range',
    'x-http-method-override',
  ),
  headerText(300),
  { maxKeys: 3 },
);

const OTHER_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

/** Hostile requests aimed at one described route; `known` ids are filled into path parameters. */
export function hostileRequestsFor(
  doc: RouteDoc,
  known: readonly string[],
): fc.Arbitrary<HostileRequest> {
  const route = `${doc.method.toUpperCase()} ${doc.path}`;
  const params = [...doc.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const queryKeys = doc.query instanceof z.ZodObject ? Object.keys(doc.query.shape) : [];
  const body = doc.body;
  const bodyKeys =
    body && 'json' in body && body.json instanceof z.ZodObject ? Object.keys(body.json.shape) : [];
  const [bodyKind, bodyArbitrary] = !body
    ? ['none', fc.option(jsonBody([], route), { nil: undefined })]
    : 'json' in body
      ? ['json', jsonBody(bodyKeys, route)]
      : 'multipart' in body
        ? ['multipart', multipartBody]
        : ['binary', binaryBody];
  return fc
    .record({
      method: fc.oneof(
        { weight: 5, arbitrary: fc.constant(doc.method.toUpperCase()) },
        { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) },
      ),
      values: fc.tuple(...params.map(() => pathValue(known))) as fc.Arbitrary<string[]>,
      query: queryString(queryKeys),
      role: fc.constantFrom(...ROLES),
      contentType: fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      extra: extraHeaders,
      body: bodyArbitrary as fc.Arbitrary<Uint8Array | undefined>,
    })
    .map(({ method, values, query, role, contentType, extra, body: payload }) => {
      let path = doc.path;
      params.forEach((name, i) => {
        path = path.replace(`:${name}`, values[i] || 'x');
      });
      const natural =
        bodyKind === 'json'
          ? 'application/json'
          : bodyKind === 'multipart'
            ? `multipart/form-data; boundary=${BOUNDARY}`
            : bodyKind === 'binary'
              ? 'image/png'
              : undefined;
      const type = contentType ?? natural;
      const withBody = method !== 'GET' && method !== 'HEAD' && payload !== undefined;
      return {
        method,
        path: `${path}${query}`,
        role,
        headers: { ...extra, ...(type && withBody ? { 'content-type': type } : {}) },
        ...(withBody ? { body: payload } : {}),
        route,
        kind: bodyKind,
      };
    });
}
