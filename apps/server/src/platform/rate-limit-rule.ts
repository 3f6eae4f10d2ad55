/** A rate limit such as "10/minute": at most `max` requests per `windowSeconds`. */
export interface RateLimitRule {
  max: number;
  windowSeconds: number;
  text: string;
}

const WINDOW_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
};

/** Parses "10/minute" (also "10/min", "10/m", "100/hour"); returns null for anything else. */
export function parseRateLimit(text: string): RateLimitRule | null {
  const match = /^\s*(\d{1,7})\s*\/\s*(second|sec|s|minute|min|m|hour|h|day|d)\s*$/i.exec(text);
  if (!match) return null;

  const max = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  const canonical = unit.startsWith("s")
    ? "second"
    : unit.startsWith("m")
      ? "minute"
      : unit.startsWith("h")
        ? "hour"
        : "day";
  if (max < 1) return null;
  return { max, windowSeconds: WINDOW_SECONDS[canonical]!, text: `${max}/${canonical}` };
}
