import net from 'node:net';

/**
 * The key a per-client rate limit counts under: an IPv4 address as is, an IPv6 address by its
 * /64 prefix. One IPv6 subscriber usually holds a whole /64 (often far more), so keying by the
 * full address would let them rotate through 2^64 addresses to escape any limit. IPv4-mapped
 * IPv6 addresses (`::ffff:1.2.3.4`) count as their IPv4 address; anything unparseable as
 * `unknown`, so it still shares one bucket.
 *
 * @example rateLimitClientKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * @example rateLimitClientKey('203.0.113.7') // '203.0.113.7'
 */
export function rateLimitClientKey(ip: string | null | undefined): string {
  const address = (ip ?? '').trim().replace(/%.*$/, '');
  if (net.isIPv4(address)) return address;
  if (!net.isIPv6(address)) return 'unknown';
  const groups = expandIPv6(address);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with `::` and a dotted IPv4 tail expanded). */
function expandIPv6(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}
