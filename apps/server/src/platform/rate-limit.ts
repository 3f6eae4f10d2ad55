import type { FastifyInstance } from "fastify";
import rateLimit from "@fastify/rate-limit";
import type { RateLimitOptions } from "@fastify/rate-limit";

import type { Counters } from "./counters";
import { problem } from "./errors";
import type { RateLimitRule } from "./rate-limit-rule";

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

// @fastify/rate-limit constructs the store itself, so the counters are captured in a class made
// for this app. Each route gets its own key prefix through child().
function createCounterStore(counters: Counters): new (options?: unknown) => object {
  return class CounterStore {
    private readonly prefix: string;

    constructor(options?: unknown) {
      this.prefix = typeof options === "string" ? options : "rate:";
    }

    incr(key: string, callback: StoreCallback, timeWindowMs: number): void {
      counters.hit(this.prefix + key, timeWindowMs).then(
        (state) => callback(null, { current: state.count, ttl: state.resetInMs }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: StoreCallback): void {
      counters.peek(this.prefix + key).then(
        (state) => callback(null, { current: state.count, ttl: state.resetInMs }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { routeInfo: { method: string; url: string } }): CounterStore {
      return new CounterStore(
        `rate:${routeOptions.routeInfo.method}:${routeOptions.routeInfo.url}:`,
      );
    }
  };
}

/**
 * Registers @fastify/rate-limit without a global limit; routes opt in with `rateLimitFor`. Keys are
 * the client address as resolved through TRUST_PROXY, with IPv6 grouped by /64 because one
 * subscriber usually owns a whole /64.
 */
export async function registerRateLimit(app: FastifyInstance, counters: Counters): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: createCounterStore(counters) as never,
    ipv6Subnet: 64,
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      problem("rate-limited", {
        detail: `Too many requests; try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`,
      }),
    onExceeded: (request) => {
      request.log.warn({ route: request.routeOptions.url }, "rate limit exceeded");
    },
  });
}

/** Route config that applies a rate-limit rule such as RATE_LIMIT_LOGIN. */
export function rateLimitFor(rule: RateLimitRule): { rateLimit: RateLimitOptions } {
  return { rateLimit: { max: rule.max, timeWindow: rule.windowSeconds * 1000 } };
}

/**
 * Groups an address the way the per-route limits do: one IPv4 address, or the /64 an IPv6
 * subscriber usually owns, so rotating through one's own /64 gives no more requests.
 */
export function addressGroup(ip: string): string {
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Limits every request under /api per client address over all routes together
 * (RATE_LIMIT_API), on top of the stricter per-route limits, so no address can flood the
 * expensive reads such as statistics, exports and food search.
 */
export function registerApiRateLimit(
  app: FastifyInstance,
  counters: Counters,
  rule: RateLimitRule,
): void {
  const windowMs = rule.windowSeconds * 1000;
  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    const state = await counters.hit(`rate:api:${addressGroup(request.ip)}`, windowMs);
    const resetSeconds = Math.max(1, Math.ceil(state.resetInMs / 1000));
    reply.header("x-ratelimit-limit", rule.max);
    reply.header("x-ratelimit-remaining", Math.max(0, rule.max - state.count));
    reply.header("x-ratelimit-reset", resetSeconds);
    if (state.count <= rule.max) return;
    if (state.count === rule.max + 1) {
      request.log.warn({ route: request.routeOptions.url }, "API rate limit exceeded");
    }
    throw problem("rate-limited", {
      detail: `Too many requests from this address; try again in ${resetSeconds} seconds.`,
      headers: { "retry-after": String(resetSeconds) },
    });
  });
}
