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
