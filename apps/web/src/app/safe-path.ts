/** Screen to open when a requested path is missing or unsafe. */
export const DEFAULT_APP_PATH = "/today";

/** Stand-in origin for resolving a path. Any fixed origin works, because only equality counts. */
const RESOLVE_BASE = "https://app.invalid";

/**
 * Characters that browsers' URL parsers drop or rewrite. ASCII tab, LF and CR are removed, and a
 * backslash counts as "/". So "/\t/host" and "/\\host" both become "//host", which react-router
 * rejects as external navigation by throwing while rendering. Other control characters and any
 * whitespace have no place in an app path either.
 */
const UNSAFE_CHARACTERS = /[\s\\\p{Cc}]/u;

/**
 * Returns `value` when it is an absolute path inside this app, else null. Paths from a URL, the
 * server or another process pass this check before the app navigates to them, so a bad value
 * can neither leave the origin nor crash the router.
 */
export function toSafeAppPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  if (UNSAFE_CHARACTERS.test(value)) return null;
  try {
    return new URL(value, RESOLVE_BASE).origin === RESOLVE_BASE ? value : null;
  } catch {
    return null;
  }
}

/** Returns `value` when it is a safe app path (see toSafeAppPath), else `fallback`. */
export function safeAppPathOr(value: unknown, fallback: string = DEFAULT_APP_PATH): string {
  return toSafeAppPath(value) ?? fallback;
}
