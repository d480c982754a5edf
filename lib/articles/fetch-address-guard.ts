import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from "node:dns";
import ipaddr from "ipaddr.js";

/**
 * Which addresses Gloss's server may fetch an article from. The fetch is an
 * SSRF surface: a reader names any address, and the server connects from
 * inside its network. Only global unicast addresses are allowed; never
 * loopback, private, link-local, multicast, unspecified, carrier-grade NAT or
 * addresses that embed IPv4 (6to4, Teredo, NAT64), and never a cloud
 * metadata endpoint. IPv4-mapped IPv6 is judged as the IPv4 it maps.
 *
 * `allowPrivate` (GLOSS_FETCH_ALLOW_PRIVATE=1, for local use and tests) also
 * allows loopback and private ranges — still never the metadata endpoints.
 */

const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal"]);
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"]);

export function isAllowedAddress(address: string, allowPrivate: boolean): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ""));
  } catch {
    return false;
  }
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) return false;
  const range = parsed.range();
  return range === "unicast" || (allowPrivate && PRIVATE_RANGES.has(range));
}

export class BlockedAddressError extends Error {
  readonly code = "EBLOCKEDADDRESS";
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to an address Gloss does not fetch from`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves the name and refuses it when any
 * of its addresses is not allowed. The socket then connects to exactly the
 * addresses checked here, so a name that resolves differently a moment later
 * (DNS rebinding) cannot slip through.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0 || addresses.some((entry) => !isAllowedAddress(entry.address, allowPrivate))) {
        return callback(new BlockedAddressError(hostname), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
}
