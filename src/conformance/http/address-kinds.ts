import net from 'node:net';

/** Why an address is not a merchant on the internet: what a run from the QA console refuses by default. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'metadata' | 'unspecified' | 'multicast' | 'reserved';

/** An IPv4 range: its first address as a 32-bit number and its prefix length. */
type V4Range = [first: string, prefix: number, kind: AddressKind];

const V4_RANGES: V4Range[] = [
  // 0.0.0.0 reaches this host on Linux, like 127.0.0.1.
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  // Carrier-grade NAT: private to a provider's network (Alibaba Cloud's metadata, 100.100.100.200, is in it).
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  // IETF protocol assignments (Oracle Cloud's metadata, 192.0.0.192, is in it).
  ['192.0.0.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  // Class E and the broadcast address 255.255.255.255.
  ['240.0.0.0', 4, 'reserved'],
];

/**
 * Cloud metadata services, named apart because they hand out credentials: AWS, GCP and Azure
 * (169.254.169.254), AWS ECS tasks (169.254.170.2), Azure's wire server (168.63.129.16, a public
 * address), Alibaba (100.100.100.200), Oracle (192.0.0.192), AWS over IPv6 (fd00:ec2::254).
 */
const METADATA_V4 = new Set(['169.254.169.254', '169.254.170.2', '168.63.129.16', '100.100.100.200', '192.0.0.192']);
const METADATA_V6 = [v6Value('fd00:ec2::254')];

/** An IPv6 range: its first address as a 128-bit number and its prefix length. */
type V6Range = [first: bigint, prefix: number, kind: AddressKind];

const V6_RANGES: V6Range[] = [
  [v6Value('::'), 128, 'unspecified'],
  [v6Value('::1'), 128, 'loopback'],
  [v6Value('fc00::'), 7, 'private'],
  [v6Value('fe80::'), 10, 'link-local'],
  // Site-local: deprecated, but still routed inside some networks.
  [v6Value('fec0::'), 10, 'private'],
  [v6Value('ff00::'), 8, 'multicast'],
];

/**
 * IPv6 forms that carry an IPv4 address, which is what the packet finally reaches: v4-mapped
 * (::ffff:a.b.c.d), SIIT (::ffff:0:a.b.c.d), v4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96 and the
 * local-use 64:ff9b:1::/48) and 6to4 (2002:AABB:CCDD::/16). Each entry: prefix, its length, and the
 * bit offset of the embedded address from the right.
 */
const EMBEDDING: [prefix: bigint, length: number, shift: bigint][] = [
  [v6Value('::ffff:0:0'), 96, 0n],
  [v6Value('::ffff:0:0:0'), 96, 0n],
  [v6Value('::'), 96, 0n],
  [v6Value('64:ff9b::'), 96, 0n],
  [v6Value('64:ff9b:1::'), 48, 0n],
  [v6Value('2002::'), 16, 80n],
];

/**
 * What kind of non-public address this is (loopback, private, link-local, cloud metadata, unspecified,
 * multicast, reserved), or undefined for an address on the internet. IPv6 forms that embed an IPv4
 * address are judged by that address; anything that is not an IP address is undefined.
 */
export function classifyAddress(address: string): AddressKind | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = net.isIP(bare.replace(/%.*$/, ''));
  if (family === 4) return classifyV4(bare);
  if (family !== 6) return undefined;
  const value = v6Value(bare.replace(/%.*$/, ''));
  if (METADATA_V6.includes(value)) return 'metadata';
  for (const [first, prefix, kind] of V6_RANGES) if (inV6Range(value, first, prefix)) return kind;
  for (const [prefix, length, shift] of EMBEDDING) {
    // :: and ::1 were judged above; ::a.b.c.d below them is the deprecated v4-compatible form.
    if (!inV6Range(value, prefix, length)) continue;
    const v4 = Number((value >> shift) & 0xffffffffn);
    return classifyV4([v4 >>> 24, (v4 >>> 16) & 255, (v4 >>> 8) & 255, v4 & 255].join('.'));
  }
  return undefined;
}

function classifyV4(address: string): AddressKind | undefined {
  if (METADATA_V4.has(address)) return 'metadata';
  const value = v4Value(address);
  for (const [first, prefix, kind] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === v4Value(first)) return kind;
  }
  return undefined;
}

function v4Value(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function inV6Range(value: bigint, first: bigint, prefix: number): boolean {
  const shift = BigInt(128 - prefix);
  return value >> shift === first >> shift;
}

/** A valid IPv6 address (net.isIP said so) as one 128-bit number; a trailing dotted quad is read too. */
function v6Value(address: string): bigint {
  let text = address.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const v4 = v4Value(quad[1]);
    text = `${text.slice(0, -quad[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(parseInt(group || '0', 16)), 0n);
}
