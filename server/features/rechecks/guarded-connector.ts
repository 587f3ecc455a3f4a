import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { forbiddenRange } from './address-guard';

/** Answers the addresses a host name resolves to; injected so tests can play DNS. */
export type Resolver = (hostname: string) => Promise<string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** A target the guard would not connect to; `reason` is the range or the DNS block answer. */
export class RecheckRefusal extends Error {
  constructor(
    readonly reason: 'forbidden_address' | 'dns_block_answer',
    readonly range: string,
  ) {
    super(`re-check refused: ${reason} (${range})`);
    this.name = 'RecheckRefusal';
  }
}

export type GuardPolicy = {
  allowPrivate: boolean;
  /** DNS answers that mean the name is blocked (a sinkhole): never connected to. */
  dnsBlockAddresses: readonly string[];
  /** Exact `address:port` pairs treated as public (tests stand a local server in for one). */
  exemptTargets?: readonly string[];
};

const unbracket = (host: string) =>
  host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;

/**
 * The address a connection to `hostname` may use: resolved once, every answer checked, and the
 * first answer returned so that the socket goes to exactly the address that was checked (no second
 * lookup a rebinding DNS server could answer differently). Throws RecheckRefusal.
 */
export async function checkedAddress(
  hostname: string,
  port: number,
  policy: GuardPolicy,
  resolve: Resolver,
): Promise<string> {
  const host = unbracket(hostname);
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  const sinkhole = addresses.find((a) => policy.dnsBlockAddresses.includes(a));
  if (sinkhole && !isIP(host)) throw new RecheckRefusal('dns_block_answer', sinkhole);
  if (!policy.allowPrivate) {
    for (const address of addresses) {
      if (policy.exemptTargets?.includes(`${address}:${port}`)) continue;
      const range = forbiddenRange(address);
      if (range) throw new RecheckRefusal('forbidden_address', range);
    }
  }
  return addresses[0]!;
}

/**
 * undici's connector behind the guard: the check runs at every connection undici opens, so every
 * redirect hop and every new pooled socket is checked, and a refused target gets no socket at all.
 */
export function guardedConnector(
  policy: GuardPolicy,
  resolve: Resolver,
  connectTimeoutMs: number,
): buildConnector.connector {
  const connect = buildConnector({ timeout: connectTimeoutMs });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
    checkedAddress(options.hostname, port, policy, resolve).then(
      // `host` stays the name, so TLS still sends it as SNI and verifies the certificate for it.
      (address) => connect({ ...options, hostname: address }, callback),
      (error: Error) => callback(error, null),
    );
  };
}
