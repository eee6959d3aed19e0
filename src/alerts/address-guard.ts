/**
 * SSRF guard for webhook targets. A route's URL comes from config, but the host it names can resolve (or be
 * re-pointed by DNS later) to the machine itself, the cloud metadata service or the internal network. So the
 * URL is checked when the config loads and every resolved address is checked again when a message is sent,
 * inside the socket's own lookup, so the address checked is the address connected to (no rebinding window).
 */
import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Loopback, link-local (incl. 169.254.169.254 metadata), private, CGNAT, "this host", multicast, reserved. */
const forbidden = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this host": connecting to 0.0.0.0 reaches localhost on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT, also used by some clouds for metadata (Alibaba 100.100.100.200)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local (incl. AWS metadata fd00:ec2::254)
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  forbidden.addSubnet(net, prefix, 'ipv6');
}

/** IPv4-mapped and NAT64 IPv6 forms carry an IPv4 address that reaches the same host. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(?:0:)?(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return mapped[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1] ?? '0', 16);
    const lo = parseInt(hex[2] ?? '0', 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return undefined;
}

export function isForbiddenAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return forbidden.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4 !== undefined) return forbidden.check(v4, 'ipv4');
    return forbidden.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

export interface TargetPolicy {
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeTargetError';
  }
}

/**
 * Checks a webhook URL without touching the network; returns a problem in words, or undefined when fine.
 * Host names are checked again after resolution at send time (see `guardedLookup`).
 */
export function checkWebhookUrl(raw: string, policy: TargetPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `scheme ${url.protocol} is not allowed (use https)`;
  if (url.protocol === 'http:' && !policy.allowHttp) return 'must use https (set alerts.allowHttp to allow plain http)';
  if (url.username || url.password) return 'must not contain credentials before the host';
  if (policy.allowPrivateTargets) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  const refusal = 'points to a loopback, link-local, private or metadata address (set alerts.allowPrivateTargets to allow it)';
  if (isIP(host) !== 0) return isForbiddenAddress(host) ? refusal : undefined;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal') || !host.includes('.')) return refusal;
  return undefined;
}

/** Name resolution as dns.lookup with `all: true` does it; injectable so tests can play a rebinding DNS. */
export type Resolver = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dns.lookup(hostname, options, callback);

/**
 * A `lookup` for http.request/net.connect that refuses host names resolving to forbidden addresses. Every
 * returned address must pass: a name with one public and one private address is refused as a whole.
 */
export function guardedLookup(policy: TargetPolicy, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      if (!policy.allowPrivateTargets) {
        const bad = addresses.find((a) => isForbiddenAddress(a.address));
        if (bad) {
          return callback(new UnsafeTargetError(`${hostname} resolves to ${bad.address}, a loopback, link-local, private or metadata address`), '', 0);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
