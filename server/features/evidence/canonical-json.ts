// A lone surrogate (half of a UTF-16 pair) cannot be written in UTF-8: RFC 8785 refuses it. With
// the `u` flag a well-formed pair is one code point and does not match.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// Keys a JavaScript object keeps in numeric order ahead of the others, whatever order they came in.
const INDEX_LIKE = /^(?:0|[1-9]\d*)$/;

/** Thrown when a plain object cannot hold the value's keys in text order. */
class IndexKeys extends Error {}

/**
 * The RFC 8785 (JCS) serialization of a JSON value, as the `canonicalize` package writes it.
 * JCS writes strings and numbers as JSON.stringify does, so a copy with its keys in order is
 * written by JSON.stringify in one pass: a push records thousands of custody events, and the
 * package's sets and string parts per key made their hashing the largest share of its garbage.
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(ordered(value));
  } catch (error) {
    if (error instanceof IndexKeys) return written(value);
    throw error;
  }
}

function checked<T>(value: T): T {
  if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
    throw new Error('Lone surrogate is not allowed');
  }
  // JSON.stringify would write null for these.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`${value} is not allowed`);
  }
  return value;
}

const omitted = (item: unknown) => item === undefined || typeof item === 'symbol';

/** The value, checked, with its objects' keys in UTF-16 code unit order (Array's sort order). */
function ordered(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return checked(value);
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return ordered(withJson.toJSON());
  if (Array.isArray(value)) return value.map((item) => (omitted(item) ? null : ordered(item)));
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (INDEX_LIKE.test(key)) throw new IndexKeys();
    const item = record[key];
    if (!omitted(item)) copy[checked(key)] = ordered(item);
  }
  return copy;
}

/** The same text written member by member, for the rare value with array-index keys. */
function written(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(checked(value));
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return written(withJson.toJSON());
  if (Array.isArray(value)) {
    return `[${value.map((item) => (omitted(item) ? 'null' : written(item))).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => !omitted(record[key]))
    .map((key) => `${written(key)}:${written(record[key])}`);
  return `{${members.join(',')}}`;
}
