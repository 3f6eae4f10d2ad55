import { isIP } from "node:net";

/**
 * Trust setting for X-Forwarded-For: nothing, a number of proxy hops, or a list of
 * proxy addresses and CIDR ranges. `true` (every hop) exists only for development behind tools
 * that rewrite addresses; production configuration rejects it.
 */
export type TrustProxySetting = false | true | number | string[];

export type TrustProxyResult =
  { ok: true; value: TrustProxySetting } | { ok: false; message: string; value: false };

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

export function parseTrustProxy(text: string): TrustProxyResult {
  const value = text.trim().toLowerCase();
  if (value === "" || value === "false" || value === "0") return { ok: true, value: false };
  if (value === "true") return { ok: true, value: true };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) return { ok: false, value: false, message: "must be at most 10 proxy hops" };
    return { ok: true, value: hops };
  }

  const entries = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (!isAddressOrRange(entry)) {
      return {
        ok: false,
        value: false,
        message: `"${entry}" is not a hop count, an IP address, a CIDR range or loopback/linklocal/uniquelocal`,
      };
    }
  }
  return { ok: true, value: entries };
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;

  const [address, prefix] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
