import { lookup } from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import { Agent } from "node:https";
import { BlockList, isIP } from "node:net";

/**
 * Push endpoints come from browsers, which means from users, so a subscription could point the
 * server at its own network (loopback, private ranges, cloud metadata). Requests to push services
 * therefore go through an agent that refuses such addresses after DNS resolution, which also
 * defeats a name that resolves to a public address once and a private one later.
 */
const PRIVATE_RANGES = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}

const PUSH_AGENT_TIMEOUT_MS = 10_000;

/** Returns whether an IP address is public, judging IPv4-mapped IPv6 by the IPv4 part. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE_RANGES.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Returns whether an endpoint host is an IP literal or name no public push service uses. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return isIP(host) !== 0 && !isPublicAddress(host);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) {
      const denial: NodeJS.ErrnoException = new Error(
        `push endpoint ${hostname} resolves to a private address`,
      );
      denial.code = "EPUSHPRIVATE";
      return callback(denial, "");
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    return callback(null, first.address, first.family);
  });
}

/** Creates the default agent for push requests: public addresses only, kept alive. */
export function createPublicPushAgent(): Agent {
  return new Agent({
    keepAlive: true,
    timeout: PUSH_AGENT_TIMEOUT_MS,
    lookup: publicOnlyLookup as never,
  });
}
