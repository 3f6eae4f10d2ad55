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
// Ranges that embed an IPv4 address (IPv4-compatible, mapped and translated forms, NAT64, 6to4,
// Teredo) are refused whole: no push service uses them, and the embedded address may be private.
for (const [network, prefix] of [
  ["::", 96],
  ["::ffff:0:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}

const PUSH_AGENT_TIMEOUT_MS = 10_000;

/** Returns whether an IP address is public, judging IPv4-mapped IPv6 by the IPv4 part. */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  // The same mapped address written in hex, such as ::ffff:7f00:1 for 127.0.0.1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const high = parseInt(hex[1]!, 16);
    const low = parseInt(hex[2]!, 16);
    return isPublicAddress(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  const family = isIP(address);
  if (family === 0) return false;
  return !PRIVATE_RANGES.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Returns whether an endpoint host is an IP literal or name no public push service uses. */
export function isPrivateHost(hostname: string): boolean {
  // "localhost." is the same name as "localhost"; a trailing dot only marks it as absolute.
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "")
    .toLowerCase();
  if (host === "" || host === "localhost" || host.endsWith(".localhost")) return true;
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

/**
 * Agent for push requests: public addresses only, kept alive. Node does not call `lookup` for an
 * IP literal, so connections to literals are checked here before they open.
 */
class PublicPushAgent extends Agent {
  override createConnection(
    options: Parameters<Agent["createConnection"]>[0],
    callback?: Parameters<Agent["createConnection"]>[1],
  ): ReturnType<Agent["createConnection"]> {
    const host = String((options as { host?: string }).host ?? "");
    if (isIP(host.replace(/^\[|\]$/g, "")) !== 0 && isPrivateHost(host)) {
      const denial: NodeJS.ErrnoException = new Error(`push endpoint ${host} is a private address`);
      denial.code = "EPUSHPRIVATE";
      // Through the callback the request emits the error like any failed connection.
      if (!callback) throw denial;
      callback(denial, undefined as never);
      return undefined as never;
    }
    return super.createConnection(options, callback);
  }
}

export function createPublicPushAgent(): Agent {
  return new PublicPushAgent({
    keepAlive: true,
    timeout: PUSH_AGENT_TIMEOUT_MS,
    lookup: publicOnlyLookup as never,
  });
}
