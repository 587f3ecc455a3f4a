import fc from 'fast-check';
import { rawMultipart, SAMPLE_FILES } from '../../features/accounts/testing';
import { sampleReport } from '../../testing/reports';

/** Bodies a hostile client sends: fuzzed and wrongly typed JSON, huge fields, bad UTF-8, bad multipart. */

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

/** Text that may break a decoder: lone surrogates, NULs, overlong and truncated UTF-8 escapes. */
export const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\udfff',
    '../../..',
    '%',
    '%ZZ',
    '%C0%AF',
    '%FF%FE',
    '\u202e',
    '<script>',
  ),
  fc.string({ maxLength: 5 }).map((s) => s.repeat(2000)),
);

const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** JSON with the route's own field names but values of any type. */
function wrongTypes(keys: readonly string[]) {
  return fc
    .dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), jsonValue, {
      maxKeys: keys.length + 1,
    })
    .map((o) => JSON.stringify(o));
}

/** A push envelope whose reports each have one field replaced by a random value. */
const mangledPush = fc
  .array(
    fc.tuple(
      fc.constantFrom(...Object.keys(sampleReport()), 'urlKey', 'userId', '__proto__'),
      jsonValue,
      fc.constantFrom('upsert', 'delete', 'merge', 1),
    ),
    { minLength: 1, maxLength: 20 },
  )
  .map((edits) =>
    JSON.stringify({
      deviceId: 'fuzz',
      mutations: edits.map(([field, value, op]) => ({
        id: crypto.randomUUID(),
        op,
        report: { ...sampleReport(), [field]: value },
      })),
    }),
  );

const JSON_SHAPES = [
  '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
  `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
  '{"n":1e400,"m":-0,"big":123456789012345678901234567890}',
  '{"deviceId":"d","mutations":[',
  '\ufeff{}',
  'null',
  '"just a string"',
  '',
];

export function jsonBody(keys: readonly string[], route: string) {
  const arbitraries = [
    fc.json({ maxDepth: 4 }).map(bytes),
    wrongTypes(keys).map(bytes),
    fc.constantFrom(...JSON_SHAPES).map(bytes),
    // A huge field: far over every field limit, under or over the body limit.
    fc
      .tuple(
        fc.constantFrom(...(keys.length ? keys : ['x'])),
        fc.constantFrom(100_000, 2_000_000, 9_000_000),
      )
      .map(([key, size]) => bytes(`{"${key}":"${'x'.repeat(size)}"}`)),
    // Bad UTF-8 inside a string, and raw random bytes.
    fc
      .uint8Array({ maxLength: 64 })
      .map(
        (junk) =>
          new Uint8Array([...bytes('{"email":"'), 0xc0, 0xaf, 0xff, ...junk, ...bytes('"}')]),
      ),
    fc.uint8Array({ maxLength: 200 }),
  ];
  if (route === 'POST /api/sync/push') arbitraries.push(mangledPush.map(bytes));
  return fc.oneof(...arbitraries);
}

export const BOUNDARY = 'FuzzBoundary';
export const multipartBody = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.record({
          headers: fc.constantFrom(
            'Content-Disposition: form-data; name="documents"; filename="a.pdf"',
            'Content-Disposition: form-data; name="document"; filename="../../x"',
          ),
          body: fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            fc.constant(SAMPLE_FILES.pdf),
            fc.constant(SAMPLE_FILES.png),
          ),
        }),
        fc.record({ headers: fc.string({ maxLength: 60 }), body: fc.string({ maxLength: 60 }) }),
        fc.record({
          headers: fc
            .constantFrom(
              'fullName',
              'email',
              'password',
              'policyVersion',
              'acceptPolicy',
              'kind',
              'phone',
            )
            .map((n) => `Content-Disposition: form-data; name="${n}"`),
          body: nastyText,
        }),
      ),
      { maxLength: 8 },
    )
    .map((parts) => new Uint8Array(rawMultipart(parts, BOUNDARY))),
  fc.uint8Array({ maxLength: 300 }),
  fc.constant(bytes(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end`)),
);

export const binaryBody = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.uint8Array({ maxLength: 200 }).map((tail) => new Uint8Array([...SAMPLE_FILES.png, ...tail])),
  fc.constant(new Uint8Array(0)),
);
