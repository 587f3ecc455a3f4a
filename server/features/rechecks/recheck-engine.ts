import { createHash } from 'node:crypto';
import { Agent, type Dispatcher, ProxyAgent, request } from 'undici';
import { type Classified, classifyProbe, type Probe, type ProbeFailure } from './classify';
import {
  checkedAddress,
  type GuardPolicy,
  guardedConnector,
  RecheckRefusal,
  type Resolver,
} from './guarded-connector';
import { createRecheckGate } from './politeness';
import type { RecheckSignatures } from './signatures';

export type RecheckEngineOptions = {
  allowPrivate: boolean;
  signatures: RecheckSignatures;
  resolver: Resolver;
  /** Egress through this HTTP proxy (a vantage point inside RK), when set. */
  proxyUrl?: string;
  /** The whole check, every hop included. */
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  concurrency: number;
  perHostIntervalMs: number;
  /** Exact `address:port` pairs the guard treats as public; tests only. */
  exemptTargets?: readonly string[];
};

export type RecheckEngine = {
  /** Fetches `url` (following redirects by hand) and classifies what it found. */
  check(url: string, previousSha256: string | undefined): Promise<Classified>;
  close(): Promise<void>;
};

const TEXT_FOR_SIGNATURES = 256 * 1024;
const USER_AGENT = 'WebTagger-Recheck/1 (reachability check)';

function failureOf(error: unknown): ProbeFailure {
  if (error instanceof RecheckRefusal) {
    return error.reason === 'dns_block_answer' ? 'dns_block_answer' : 'refused';
  }
  const e = error as { code?: string; name?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(code))
    return 'timeout';
  if (code === 'ENOTFOUND') return 'dns_not_found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return 'connection_reset';
  }
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (/^ERR_TLS|CERT|SSL/.test(code)) return 'tls_error';
  return 'network_error';
}

/** The redirect target of an answer, or undefined when it is not a usable redirect. */
function redirectTarget(status: number, location: string | string[] | undefined, base: string) {
  if (![301, 302, 303, 307, 308].includes(status)) return undefined;
  const value = Array.isArray(location) ? location[0] : location;
  if (!value) return null;
  const next = URL.canParse(value, base) ? new URL(value, base) : undefined;
  return next && (next.protocol === 'http:' || next.protocol === 'https:') ? next.href : null;
}

async function readCapped(body: Dispatcher.ResponseData['body'], cap: number) {
  const hash = createHash('sha256');
  const textChunks: Buffer[] = [];
  let read = 0;
  let truncated = false;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const part = read + chunk.length > cap ? chunk.subarray(0, cap - read) : chunk;
    hash.update(part);
    if (read < TEXT_FOR_SIGNATURES) textChunks.push(part.subarray(0, TEXT_FOR_SIGNATURES - read));
    read += part.length;
    if (read >= cap) {
      truncated = true;
      body.destroy();
      break;
    }
  }
  return {
    sha256: hash.digest('hex'),
    text: Buffer.concat(textChunks).toString('utf8'),
    truncated,
  };
}

/**
 * The re-check HTTP client: one undici dispatcher whose every connection passes the SSRF guard,
 * manual redirects (each hop checked again and taking its host's turn), a deadline for the whole
 * check, a cap on the body read, bounded concurrency and per-host politeness.
 */
export function createRecheckEngine(options: RecheckEngineOptions): RecheckEngine {
  const policy: GuardPolicy = {
    allowPrivate: options.allowPrivate,
    dnsBlockAddresses: options.signatures.dnsBlockAddresses,
    exemptTargets: options.exemptTargets,
  };
  const timeouts = {
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connections: 4,
    keepAliveTimeout: 4_000,
  };
  const dispatcher: Dispatcher = options.proxyUrl
    ? new ProxyAgent({ uri: options.proxyUrl, ...timeouts })
    : new Agent({
        ...timeouts,
        connect: guardedConnector(policy, options.resolver, options.timeoutMs),
      });
  const gate = createRecheckGate(options);

  const hop = async (url: string, signal: AbortSignal) => {
    const target = new URL(url);
    if (options.proxyUrl) {
      // Through a proxy the proxy connects, so the guard can only vet the name beforehand.
      const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
      await checkedAddress(target.hostname, port, policy, options.resolver);
    }
    return gate.run(target.host, () =>
      request(url, {
        method: 'GET',
        dispatcher,
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
          'accept-language': 'ru,kk;q=0.9,en;q=0.5',
        },
      }),
    );
  };

  const probe = async (start: string): Promise<Probe> => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let url = start;
    try {
      for (let hops = 0; ; hops++) {
        const answer = await hop(url, signal);
        const next = redirectTarget(answer.statusCode, answer.headers.location, url);
        if (next === undefined) {
          const body = await readCapped(answer.body, options.maxBodyBytes);
          return { kind: 'answer', status: answer.statusCode, finalUrl: url, ...body };
        }
        await answer.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        if (next === null) return { kind: 'failure', reason: 'bad_redirect', finalUrl: url };
        if (hops >= options.maxRedirects) {
          return { kind: 'failure', reason: 'too_many_redirects', finalUrl: url };
        }
        url = next;
      }
    } catch (error) {
      const detail = error instanceof RecheckRefusal ? `${error.reason}:${error.range}` : undefined;
      return { kind: 'failure', reason: failureOf(error), finalUrl: url, detail };
    }
  };

  return {
    async check(url, previousSha256) {
      return classifyProbe(await probe(url), options.signatures, previousSha256);
    },
    close: () => dispatcher.close(),
  };
}
