import dns from 'node:dns';
import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';

/** Why a URL was not fetched (logged at debug level; callers only see "no preview"). */
export type RefusalReason =
  | 'scheme'
  | 'credentials'
  | 'host'
  | 'dns'
  | 'address'
  | 'port'
  | 'redirects'
  | 'timeout'
  | 'status'
  | 'content_type'
  | 'encoding'
  | 'network';

export class PreviewRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'PreviewRefused';
  }
}

/** A URL that passed the guard, with the one address it may be fetched from (pinned: no second DNS lookup). */
export interface Target {
  url: URL;
  /** The host name without brackets or trailing dot, lower case (Host header and TLS server name). */
  host: string;
  address: string;
  family: 4 | 6;
  port: number;
  allowListed: boolean;
}

export type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An allow-list entry in canonical form (lower case, ASCII/punycode, no trailing dot), or null when it is
 * not a plain host name: no scheme, port, path, wildcard or IPv6 literal. IPv4 literals pass (they are
 * host names by syntax), so an admin can allow an intranet server that has no DNS name.
 */
export function normalizeAllowHost(raw: string): string | null {
  const trimmed = raw.trim().replace(/\.$/, '');
  if (trimmed === '' || trimmed.length > 253) return null;
  // Only letters, digits, dots and hyphens (non-ASCII letters for internationalized names).
  if (!/^(?:[a-zA-Z0-9.-]|\P{ASCII})+$/u.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || ascii.length > 253) return null;
  return ascii.split('.').every((label) => HOST_LABEL.test(label)) ? ascii : null;
}

/** A URL's host name as compared with the allow-list: lower case, no brackets, no trailing dot. */
export function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

export function isAllowListed(host: string, allowHosts: readonly string[]): boolean {
  return allowHosts.includes(host);
}

/** Ranges an allow-listed intranet host may resolve to, besides public unicast. */
const INTRANET_RANGES = new Set<string>(['private', 'loopback', 'carrierGradeNat', 'uniqueLocal']);

/**
 * Whether the server may connect to `ip`. Public unicast only, unless the host name is allow-listed, which
 * opens private (RFC 1918, fc00::/7), loopback and CGNAT (100.64/10) too. Never: link-local (169.254/16 —
 * cloud metadata — and fe80::/10), multicast, broadcast, unspecified (0.0.0.0, ::), reserved and the
 * translation/tunnel ranges (NAT64, 6to4, Teredo) that could smuggle an IPv4 address. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export function addressAllowed(ip: string, allowListed: boolean): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  const range = addr.range();
  if (range === 'unicast') return true;
  return allowListed && INTRANET_RANGES.has(range);
}

/**
 * Checks one URL (the first or any redirect hop): http(s) only, no credentials, DNS resolved here and every
 * resulting address checked (a host that resolves to any refused address is refused whole), ports 80/443
 * unless the host is allow-listed. Returns the address to connect to.
 */
export async function checkUrl(raw: string | URL, allowHosts: readonly string[], lookup: Lookup = systemLookup): Promise<Target> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PreviewRefused('scheme', 'not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PreviewRefused('scheme', `scheme ${url.protocol} is not fetched`);
  if (url.username || url.password) throw new PreviewRefused('credentials', 'URLs with credentials are not fetched');
  const host = hostOf(url);
  if (!host) throw new PreviewRefused('host', 'no host');
  const allowListed = isAllowListed(host, allowHosts);

  let addresses: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(host)) {
    // The WHATWG URL parser already turned 2130706433, 0x7f.1 and friends into dotted IPv4.
    addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await lookup(host);
    } catch {
      throw new PreviewRefused('dns', `cannot resolve ${host}`);
    }
  }
  if (addresses.length === 0) throw new PreviewRefused('dns', `cannot resolve ${host}`);
  for (const a of addresses) {
    if (!addressAllowed(a.address, allowListed)) throw new PreviewRefused('address', `${host} resolves to a refused address`);
  }

  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const port = url.port ? Number(url.port) : defaultPort;
  if (port !== 80 && port !== 443 && !allowListed) throw new PreviewRefused('port', `port ${port} is only fetched for allow-listed hosts`);

  // IPv4 first: a dual-stack intranet server is more often reachable on it.
  const chosen = [...addresses].sort((a, b) => a.family - b.family)[0] as { address: string; family: number };
  return { url, host, address: chosen.address, family: chosen.family === 6 ? 6 : 4, port, allowListed };
}
