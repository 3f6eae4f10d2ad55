/** Reason a server address was rejected; each has a message in the catalog. */
export type ServerUrlProblem = "invalid" | "https-required" | "has-path";

export type ServerUrlCheck =
  { ok: true; origin: string } | { ok: false; problem: ServerUrlProblem };

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks the address of a FitCoach server and returns its origin. Release builds accept HTTPS only,
 * so tokens and health data never cross the network in clear text. Development builds also accept
 * plain HTTP to this machine (localhost, 127.0.0.1, ::1).
 */
export function checkServerUrl(input: string, isDevelopment: boolean): ServerUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: "invalid" };
  }

  if (url.username || url.password || url.search || url.hash)
    return { ok: false, problem: "invalid" };
  if (url.pathname !== "/" && url.pathname !== "") return { ok: false, problem: "has-path" };
  if (url.protocol === "https:") return { ok: true, origin: url.origin };
  if (url.protocol !== "http:") return { ok: false, problem: "invalid" };

  const isLoopback = LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
  if (isDevelopment && isLoopback) return { ok: true, origin: url.origin };
  return { ok: false, problem: "https-required" };
}

/** Tells whether this is a development build (Metro dev server or `expo export --dev`). */
export function isDevelopmentBuild(): boolean {
  return typeof __DEV__ !== "undefined" && __DEV__;
}
