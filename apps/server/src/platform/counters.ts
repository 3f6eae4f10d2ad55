import type { Redis } from "ioredis";
import type { Logger } from "pino";

/** Count of hits in the current window and the milliseconds until the window resets. */
export interface CounterState {
  count: number;
  resetInMs: number;
}

/**
 * Fixed-window counters for rate limits, shared through Redis when it is configured. If Redis
 * fails, each instance counts in its own memory until Redis returns: limits then apply per
 * instance, which is looser across a cluster but never lets a single instance exceed them.
 */
export interface Counters {
  hit(key: string, windowMs: number): Promise<CounterState>;
  peek(key: string): Promise<CounterState>;
  reset(key: string): Promise<void>;
  /** `shared` when counting in Redis, `local` without Redis, `degraded` while Redis is down. */
  mode(): "shared" | "local" | "degraded";
}

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}
`;

const MEMORY_ENTRY_LIMIT = 100_000;

export function createCounters(
  redis: Redis | undefined,
  logger: Logger,
  options: { keyPrefix: string; now?: () => number },
): Counters {
  const KEY_PREFIX = `${options.keyPrefix}counter:`;
  const now = options.now ?? Date.now;
  const memory = new MemoryCounters(now);
  if (!redis) {
    return {
      hit: async (key, windowMs) => memory.hit(key, windowMs),
      peek: async (key) => memory.peek(key),
      reset: async (key) => memory.reset(key),
      mode: () => "local",
    };
  }

  let degraded = false;
  function fallBack(error: unknown): void {
    if (!degraded) logger.warn({ err: error }, "redis counters failed, counting per instance");
    degraded = true;
  }
  function recovered(): void {
    if (degraded) logger.info("redis counters recovered");
    degraded = false;
  }

  return {
    async hit(key, windowMs) {
      try {
        const [count, ttl] = (await redis.eval(
          HIT_SCRIPT,
          1,
          KEY_PREFIX + key,
          String(windowMs),
        )) as [number, number];
        recovered();
        return { count, resetInMs: ttl };
      } catch (error) {
        fallBack(error);
        return memory.hit(key, windowMs);
      }
    },
    async peek(key) {
      try {
        const [value, ttl] = await Promise.all([
          redis.get(KEY_PREFIX + key),
          redis.pttl(KEY_PREFIX + key),
        ]);
        recovered();
        return { count: Number(value ?? 0), resetInMs: Math.max(ttl, 0) };
      } catch (error) {
        fallBack(error);
        return memory.peek(key);
      }
    },
    async reset(key) {
      memory.reset(key);
      try {
        await redis.del(KEY_PREFIX + key);
      } catch (error) {
        fallBack(error);
      }
    },
    mode: () => (degraded || redis.status !== "ready" ? "degraded" : "shared"),
  };
}

class MemoryCounters {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number) {}

  hit(key: string, windowMs: number): CounterState {
    const time = this.now();
    let entry = this.entries.get(key);
    if (!entry || entry.resetAt <= time) {
      entry = { count: 0, resetAt: time + windowMs };
      this.entries.delete(key);
      this.evictIfFull(time);
      this.entries.set(key, entry);
    }
    entry.count += 1;
    return { count: entry.count, resetInMs: entry.resetAt - time };
  }

  peek(key: string): CounterState {
    const time = this.now();
    const entry = this.entries.get(key);
    if (!entry || entry.resetAt <= time) return { count: 0, resetInMs: 0 };
    return { count: entry.count, resetInMs: entry.resetAt - time };
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  // Expired entries go first; if every entry is live, the oldest insertion goes, which can only
  // forget a counter, never invent one.
  private evictIfFull(time: number): void {
    if (this.entries.size < MEMORY_ENTRY_LIMIT) return;
    for (const [key, entry] of this.entries) {
      if (entry.resetAt <= time) this.entries.delete(key);
    }
    if (this.entries.size >= MEMORY_ENTRY_LIMIT) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
