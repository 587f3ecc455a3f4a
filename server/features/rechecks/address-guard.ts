import ipaddr from 'ipaddr.js';

/**
 * Why a re-check may not connect to this address, or undefined when it is an ordinary public
 * unicast address. Everything that is not public unicast is refused: loopback, private, link-local
 * (cloud metadata lives there), CGNAT, unique-local, multicast, documentation and reserved ranges,
 * and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are refused too unless
 * the embedded address is itself public (mapped) — they are ways round an IPv4 check.
 */
export function forbiddenRange(address: string): string | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return 'not_an_address';
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return forbiddenRange(v6.toIPv4Address().toString());
  }
  const range = parsed.range();
  return range === 'unicast' ? undefined : range;
}
