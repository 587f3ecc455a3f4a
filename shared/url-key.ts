import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Thrown when a string is not an absolute http(s) URL with a host. */
export class InvalidUrlError extends Error {
  readonly code = 'invalid_url';

  constructor(reason: string) {
    // The input is left out of the message: URLs may carry personal data into logs.
    super(`Invalid URL: ${reason}`);
    this.name = 'InvalidUrlError';
  }
}

type QueryParam = [key: string, value: string];

/** A parsed URL on its way to becoming a key; platform rules rewrite it in place. */
interface KeyParts {
  host: string;
  port: string;
  segments: string[];
  query: QueryParam[];
  /** The hash-bang route (`/a/b?x=1`, without `#!`), or '' when there is none. */
  route: string;
}

const TRACKING_PARAMS = new Set([
  'gclid',
  'dclid',
  'fbclid',
  'yclid',
  'ysclid',
  'igsh',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  'ref_src',
  'spm',
]);

const MOBILE_HOST_SITES = [
  'facebook.com',
  'vk.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'ok.ru',
];
const YOUTUBE_VIDEO_PREFIXES = new Set(['shorts', 'embed', 'live']);
const YOUTUBE_KEPT_PARAMS = new Set(['v', 'list']);
const QUERYLESS_SITES = ['instagram.com', 'tiktok.com'];

/** The canonical key of an http(s) URL: equal keys mean the same material (docs/url-key.md). */
export function canonicalUrl(input: string): string {
  const parts = parse(input.trim());
  applyPlatformRules(parts);
  parts.query = parts.query.filter(([key]) => !isTrackingParam(key, parts.host));
  return build(parts);
}

/** A short stable hash of a key: the first 16 hex characters of its SHA-256. */
export function urlKeyHash(key: string): string {
  return bytesToHex(sha256(utf8ToBytes(key))).slice(0, 16);
}

/** Whether the input is an http(s) URL that `canonicalUrl` accepts. */
export function isTaggableUrl(input: string): boolean {
  try {
    canonicalUrl(input);
    return true;
  } catch (error) {
    if (error instanceof InvalidUrlError) return false;
    throw error;
  }
}

function parse(input: string): KeyParts {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidUrlError('not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidUrlError('not http or https');
  }
  const host = normalizeHost(url.hostname);
  if (host === '') throw new InvalidUrlError('no host');
  return {
    host,
    // The key is always https, so both default ports are dropped whatever the scheme.
    port: url.port === '80' || url.port === '443' ? '' : url.port,
    segments: normalizePath(url.pathname),
    query: parseQuery(url.search),
    route: url.hash.startsWith('#!/') ? url.hash.slice(2) : '',
  };
}

function normalizeHost(hostname: string): string {
  let host = hostname.replace(/\.+$/, '');
  // Repeated so that the key of a key is itself; `www.kz` keeps its only label.
  while (host.startsWith('www.') && host.indexOf('.', 4) !== -1) host = host.slice(4);
  if (host === hostname || host === '') return host;
  // What is left may read differently on its own (`0.` is a name, `0` an IPv4 address): the key
  // holds the host as the URL parser writes it, so that the key of a key is itself.
  try {
    return new URL(`https://${host}/`).hostname;
  } catch {
    return host;
  }
}

/**
 * Path segments with dot segments resolved and empty ones (duplicate or trailing slashes) gone.
 * Resolved here rather than trusting the engine, so browsers and the server agree.
 */
function normalizePath(path: string): string[] {
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    const segment = normalizeSegment(raw);
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments;
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
// Reserved characters keep their form: `/` and `%2F` (or `;` and `%3B`) may mean different things.
const KEPT_LITERAL = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/**
 * One path segment in a single spelling: unreserved characters decoded, every other escape in
 * upper-case hex, and characters that engines escape differently (`|`, `^`, `[`…) always escaped.
 */
function normalizeSegment(segment: string): string {
  return segment.replace(/%([0-9A-Fa-f]{2})|./gsu, (match, hex: string | undefined) => {
    if (hex !== undefined) {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
    }
    return KEPT_LITERAL.test(match) ? match : percentEncode(match);
  });
}

function percentEncode(char: string): string {
  let encoded = '';
  for (const byte of utf8ToBytes(char)) {
    encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** Form-data parsing: `+` and `%20` are both a space, and each escape decodes one way. */
function parseQuery(search: string): QueryParam[] {
  return [...new URLSearchParams(search)];
}

function serializeQuery(query: QueryParam[]): string {
  // A stable sort keeps repeated keys in their order; URLSearchParams always writes a space as `+`.
  const sorted = [...query].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(sorted).toString();
}

function isTrackingParam(key: string, host: string): boolean {
  const name = key.toLowerCase();
  if (name.startsWith('utm_') || TRACKING_PARAMS.has(name)) return true;
  return name === 'si' && isOnSite(host, 'youtube.com');
}

function isOnSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

function applyPlatformRules(parts: KeyParts): void {
  for (const site of MOBILE_HOST_SITES) {
    if (parts.host === `m.${site}` || parts.host === `mobile.${site}`) parts.host = site;
  }
  if (parts.host === 'twitter.com') parts.host = 'x.com';
  if (parts.host === 'telegram.me') parts.host = 't.me';

  if (parts.host === 'youtu.be' || parts.host === 'youtube.com') applyYoutubeRules(parts);
  if (parts.host === 't.me') applyTelegramRules(parts);
  if (QUERYLESS_SITES.some((site) => isOnSite(parts.host, site))) parts.query = [];
}

/** Every form of a YouTube video link becomes `youtube.com/watch?v=ID` (with its playlist). */
function applyYoutubeRules(parts: KeyParts): void {
  const [first, second] = parts.segments;
  let videoId: string | undefined;
  if (parts.host === 'youtu.be') videoId = first;
  else if (first !== undefined && YOUTUBE_VIDEO_PREFIXES.has(first) && second !== 'videoseries') {
    videoId = second;
  }

  if (videoId !== undefined) {
    parts.host = 'youtube.com';
    parts.port = '';
    parts.segments = ['watch'];
    parts.query = [['v', decodeSegment(videoId)], ...parts.query.filter(([key]) => key === 'list')];
  } else if (parts.host === 'youtube.com' && first === 'watch' && parts.segments.length === 1) {
    // Timestamps, share and feature markers do not make another video.
    parts.query = parts.query.filter(([key]) => YOUTUBE_KEPT_PARAMS.has(key));
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The web preview (`/s/NAME`) and single-media view (`?single`) show the same channel or post. */
function applyTelegramRules(parts: KeyParts): void {
  // Repeated so that the key of a key is itself; `s` is too short to be a channel name.
  while (parts.segments[0] === 's' && parts.segments.length > 1) parts.segments.shift();
  parts.query = parts.query.filter(([key]) => key !== 'single');
}

function build(parts: KeyParts): string {
  const port = parts.port === '' ? '' : `:${parts.port}`;
  const query = serializeQuery(parts.query);
  const search = query === '' ? '' : `?${query}`;
  const route = buildRoute(parts.route, parts.host);
  return `https://${parts.host}${port}/${parts.segments.join('/')}${search}${route}`;
}

/** A hash-bang route normalized like a path and query of its own; `#!/` alone is dropped. */
function buildRoute(route: string, host: string): string {
  if (route === '') return '';
  const queryStart = route.indexOf('?');
  const path = queryStart === -1 ? route : route.slice(0, queryStart);
  const segments = normalizePath(path);
  const query = queryStart === -1 ? [] : parseQuery(route.slice(queryStart + 1));
  const routeQuery = serializeQuery(query.filter(([key]) => !isTrackingParam(key, host)));
  if (segments.length === 0 && routeQuery === '') return '';
  return `#!/${segments.join('/')}${routeQuery === '' ? '' : `?${routeQuery}`}`;
}
