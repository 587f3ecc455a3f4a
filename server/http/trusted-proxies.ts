import { BlockList, isIP } from 'node:net';

/** The reverse proxies whose X-Forwarded-For the server believes (`WEBTAGGER_TRUSTED_PROXIES`). */
export type TrustedProxies = {
  /** The addresses and CIDR ranges as configured. */
  readonly entries: readonly string[];
  trusts(address: string): boolean;
};

/** An address as a socket or a header gives it, an IPv4-mapped IPv6 one (`::ffff:10.0.0.1`) as IPv4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

const familyOf = (address: string) => (isIP(address) === 4 ? 'ipv4' : 'ipv6');

/** Why an entry of the trusted proxies is not an IP address or CIDR range, or undefined if it is. */
export function trustedProxyProblem(entry: string): string | undefined {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return `${entry} is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const max = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && bits <= max
    ? undefined
    : `${entry} has a prefix length outside 0–${max}`;
}

/** The trusted proxies of a list of addresses (`127.0.0.1`, `::1`) and CIDR ranges (`10.0.0.0/8`). */
export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const problem = trustedProxyProblem(entry);
    if (problem) throw new Error(problem);
    const [address = '', prefix] = entry.split('/');
    if (prefix === undefined) list.addAddress(address, familyOf(address));
    else list.addSubnet(address, Number(prefix), familyOf(address));
  }
  return {
    entries,
    trusts(address) {
      const plain = plainAddress(address);
      return isIP(plain) !== 0 && list.check(plain, familyOf(plain));
    },
  };
}

/**
 * The address of the client a request comes from. It is the connection's peer unless that peer
 * is a trusted proxy; then X-Forwarded-For is read from the right, where each proxy appended the
 * address it saw, and the first address not itself a trusted proxy is the client. Entries left of
 * it were written by someone no trusted proxy vouches for (the client itself, perhaps) and are
 * ignored, so a client cannot choose its address by sending the header.
 */
export function clientAddressOf(
  peer: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  let client = plainAddress(peer);
  const hops = (forwardedFor ?? '').split(',').map((hop) => plainAddress(hop.trim()));
  for (let i = hops.length - 1; i >= 0 && trusted.trusts(client); i--) {
    const hop = hops[i] ?? '';
    // Not an address (empty, a port appended, garbage): the nearest trusted hop is all we know.
    if (isIP(hop) === 0) break;
    client = hop;
  }
  return client;
}
