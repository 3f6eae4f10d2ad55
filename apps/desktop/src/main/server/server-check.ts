import type { ServerUrlResult } from "../../preload-api";

export const SERVER_CHECK_TIMEOUT_MS = 5_000;

/** Path of the server's liveness probe, relative to the server URL. */
const LIVENESS_PATH = "/health/live";

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Calls the server's liveness probe, so a typo in the URL shows up at setup and not later as a
 * failed login. Redirects are rejected because one could lead from https to plain http.
 */
export async function checkServerIsReachable(
  serverUrl: string,
  fetchFunction: FetchFunction,
  timeoutMs: number = SERVER_CHECK_TIMEOUT_MS,
): Promise<ServerUrlResult> {
  const probeUrl = `${serverUrl}${LIVENESS_PATH}`;

  let response: Response;
  try {
    response = await fetchFunction(probeUrl, {
      method: "GET",
      redirect: "error",
      cache: "no-store",
      credentials: "omit",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const isTimeout = error instanceof Error && error.name === "TimeoutError";
    const cause = isTimeout ? `timed out after ${timeoutMs / 1000} s` : errorMessage(error);
    return { ok: false, reason: `Connecting to ${serverUrl} failed: ${cause}.` };
  }

  if (!response.ok) {
    return {
      ok: false,
      reason: `${serverUrl} is not a FitCoach server: ${LIVENESS_PATH} returned HTTP ${response.status}.`,
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!isLiveBody(body)) {
    return {
      ok: false,
      reason: `${serverUrl} is not a FitCoach server: ${LIVENESS_PATH} did not return {"status":"ok"}.`,
    };
  }
  return { ok: true, serverUrl };
}

function isLiveBody(body: unknown): boolean {
  return typeof body === "object" && body !== null && "status" in body && body.status === "ok";
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== "") return error.message;
  return "the request failed";
}
