import type { ServerUrlResult } from "../../preload-api";

export const SERVER_URL_MAX_LENGTH = 2048;

/** Hosts that may be reached over plain http, because traffic to them never leaves the machine. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Checks a server URL typed by the user and returns it without a trailing slash. The result keeps
 * a path, so a server behind a reverse-proxy prefix (https://example.com/fitcoach) works.
 */
export function normalizeServerUrl(input: unknown): ServerUrlResult {
  if (typeof input !== "string" || input.trim() === "") {
    return { ok: false, reason: "The server URL is missing." };
  }
  const text = input.trim();
  if (text.length > SERVER_URL_MAX_LENGTH) {
    return {
      ok: false,
      reason: `The server URL must have at most ${SERVER_URL_MAX_LENGTH} characters.`,
    };
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      reason: "The server URL is invalid; enter it like https://fitcoach.example.com.",
    };
  }

  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback)) {
    return {
      ok: false,
      reason: "The server URL must start with https:// (http:// is allowed only for localhost).",
    };
  }
  if (url.username !== "" || url.password !== "") {
    return { ok: false, reason: "The server URL must not contain a user name or password." };
  }
  if (url.search !== "" || url.hash !== "") {
    return { ok: false, reason: "The server URL must not contain a query (?) or fragment (#)." };
  }

  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, serverUrl: `${url.origin}${path}` };
}

/** Returns the origin of a stored server URL, for the renderer's connect-src. */
export function serverOriginOf(serverUrl: string): string {
  return new URL(serverUrl).origin;
}
