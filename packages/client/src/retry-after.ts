/** Maximum wait the client takes from a Retry-After header; longer values are cut to it. */
export const RETRY_AFTER_MAX_SECONDS = 10;

/**
 * Reads Retry-After (delta seconds or an HTTP date) as seconds to wait, clamped to 0 through
 * RETRY_AFTER_MAX_SECONDS. A missing or unreadable header counts as one second.
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number {
  const value = headers.get("retry-after")?.trim();
  if (!value) return 1;

  let seconds: number;
  if (/^\d+$/.test(value)) {
    seconds = Number(value);
  } else {
    const date = Date.parse(value);
    seconds = Number.isNaN(date) ? 1 : Math.ceil((date - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), RETRY_AFTER_MAX_SECONDS);
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
