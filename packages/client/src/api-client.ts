import { CLIENT_TYPE_HEADER, WEB_CLIENT_HEADER, tokenResponseSchema } from "@fitcoach/contract";
import type { TokenResponse } from "@fitcoach/contract";

import {
  NetworkError,
  ProblemError,
  UnexpectedResponseError,
  WriteQueuedError,
  isReauthenticationRequired,
  problemFromResponse,
} from "./problem-error";
import { delay, retryAfterSeconds } from "./retry-after";
import { EMPTY_TOKENS, createMemoryTokenStore } from "./token-store";
import type { StoredTokens, TokenStore } from "./token-store";

export const API_PREFIX = "/api/v1";
export const REQUEST_TIMEOUT_DEFAULT_MS = 30_000;
const JSON_ACCEPT = "application/json, application/problem+json";

/** Header on the 202 the web app's service worker returns for a write it queued offline. */
export const QUEUED_WRITE_HEADER = "x-fitcoach-queued";

/** Web clients refresh through the HttpOnly cookie; native clients send the refresh token. */
export type ClientPlatform = "web" | "native";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Anything with zod's safeParse, so this package needs no zod of its own. */
export interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

export interface ApiClientOptions {
  platform: ClientPlatform;
  /** Origin of the server, such as https://fit.example.com; empty for the page's own origin. */
  baseUrl?: string;
  tokenStore?: TokenStore;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
}

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Path below /api/v1, such as "/me". */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** A JSON value, or FormData for uploads. */
  body?: unknown;
  /** Schema the response body must match; without it the body is returned unchecked. */
  schema?: ResponseSchema<T>;
  /** False for calls made before a session exists (login, register, mailed links). */
  authenticated?: boolean;
  /** Sent as Idempotency-Key, so a retried write is applied once. */
  idempotencyKey?: string;
  /** Sent as If-Match with the ETag of the version being edited. */
  ifMatch?: string;
  signal?: AbortSignal;
  /**
   * How to read a successful response: parsed JSON, a Blob, the body stream unread ("stream") or
   * the Response itself with its body unread ("response"). For the last two the timeout covers
   * only the wait for the response headers, so a long stream is ended by `signal` alone.
   */
  responseType?: "json" | "blob" | "stream" | "response";
  /** Accept header in place of the default, such as "text/event-stream" for a streamed response. */
  accept?: string;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

/** Why the client dropped its session: the server ended it, or the user logged out. */
export type LogoutReason = "session-ended" | "logout";

export type LoggedOutListener = (reason: LogoutReason, endedAccessToken: string | null) => void;

export interface ApiClientCore {
  readonly platform: ClientPlatform;
  send<T>(options: RequestOptions<T>): Promise<ApiResponse<T>>;
  request<T>(options: RequestOptions<T>): Promise<T>;
  /**
   * Gets a new access token, sharing one refresh among all callers. Resolves false when the
   * session has ended (and emits "logged out"); rejects on network failure, keeping the session.
   */
  refreshSession(): Promise<boolean>;
  /** Stores the tokens of a login response and announces the new session. */
  acceptTokens(response: TokenResponse): Promise<void>;
  /** Forgets the session locally and emits "logged out". */
  endSession(reason: LogoutReason): Promise<void>;
  readTokens(): Promise<StoredTokens>;
  /**
   * Calls `listener` after the session ends, with the access token the session had (null when
   * it had none), so data kept for that account, such as queued offline writes, can be removed.
   */
  onLoggedOut(listener: LoggedOutListener): () => void;
  onLoggedIn(listener: () => void): () => void;
}

/** Creates the transport every API call goes through: tokens, refresh, retry and problems. */
export function createApiClientCore(options: ApiClientOptions): ApiClientCore {
  const platform = options.platform;
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  const store = options.tokenStore ?? createMemoryTokenStore();
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_DEFAULT_MS;
  const loggedOutListeners = new Set<LoggedOutListener>();
  const loggedInListeners = new Set<() => void>();

  let tokens: StoredTokens | null = null;
  let refreshInFlight: Promise<boolean> | null = null;

  async function readTokens(): Promise<StoredTokens> {
    tokens ??= { ...EMPTY_TOKENS, ...(await store.load()) };
    return tokens;
  }

  async function writeTokens(next: StoredTokens): Promise<void> {
    tokens = next;
    await store.save(next);
  }

  function baseHeaders(accept?: string): Headers {
    const headers = new Headers({
      accept: accept ? `${accept}, application/problem+json` : JSON_ACCEPT,
    });
    // Browsers prove same-site intent with the web header on cookie calls; native apps declare
    // themselves so the server returns tokens in bodies instead of cookies.
    if (platform === "native") headers.set(CLIENT_TYPE_HEADER, "native");
    else headers.set(WEB_CLIENT_HEADER, "web");
    return headers;
  }

  async function perform<T>(
    request: RequestOptions<T>,
    accessToken: string | null,
  ): Promise<Response> {
    const headers = baseHeaders(request.accept);
    if (accessToken && request.authenticated !== false) {
      headers.set("authorization", `Bearer ${accessToken}`);
    }
    if (request.idempotencyKey) headers.set("idempotency-key", request.idempotencyKey);
    if (request.ifMatch) headers.set("if-match", request.ifMatch);

    let body: BodyInit | undefined;
    if (request.body instanceof FormData) {
      body = request.body;
    } else if (request.body !== undefined) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(request.body);
    }

    const init: RequestInit = {
      method: request.method ?? "GET",
      headers,
      body,
      credentials: platform === "web" ? "include" : "omit",
      signal: request.signal,
    };
    const url = buildUrl(baseUrl, request.path, request.query);
    if (request.responseType === "stream" || request.responseType === "response") {
      return fetchWithHeaderTimeout(url, init);
    }
    return fetchWithTimeout(url, init);
  }

  async function fetchWithTimeout(url: string, init: RequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetchFunction(url, { ...init, signal });
    } catch (error) {
      throw describeFetchFailure(error, init.signal, timeout);
    }
  }

  /** Like fetchWithTimeout, but the timer stops once the headers arrive, so the body can stream. */
  async function fetchWithHeaderTimeout(url: string, init: RequestInit): Promise<Response> {
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("timed out", "TimeoutError")),
      timeoutMs,
    );
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
    try {
      return await fetchFunction(url, { ...init, signal });
    } catch (error) {
      throw describeFetchFailure(error, init.signal, timeout.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Keeps the caller's own abort as it is and turns other failures into a NetworkError. */
  function describeFetchFailure(
    error: unknown,
    callerSignal: AbortSignal | null | undefined,
    timeout: AbortSignal,
  ): unknown {
    if (callerSignal?.aborted) return error;
    if (timeout.aborted) {
      return new NetworkError(`The request timed out after ${timeoutMs} ms with no response.`, {
        cause: error,
      });
    }
    return new NetworkError("The server could not be reached.", { cause: error });
  }

  async function send<T>(request: RequestOptions<T>): Promise<ApiResponse<T>> {
    const authenticated = request.authenticated !== false;
    let accessToken = authenticated ? (await readTokens()).accessToken : null;
    if (authenticated && !accessToken) {
      // After a reload the page has no access token yet, but the refresh cookie may still be good.
      if (!(await refreshSession())) throw sessionEndedError();
      accessToken = (await readTokens()).accessToken;
    }

    let response = await perform(request, accessToken);
    if (response.status === 401 && authenticated) {
      const problem = await readProblem(response);
      if (isReauthenticationRequired(problem)) throw problem;

      // Another call may have refreshed while this one was in flight; then its token is enough.
      const current = (await readTokens()).accessToken;
      if (current === accessToken && !(await refreshSession())) throw problem;
      response = await perform(request, (await readTokens()).accessToken);
    }

    if (!response.ok) throw await readProblem(response);
    if (response.headers.get(QUEUED_WRITE_HEADER) === "1") throw new WriteQueuedError();
    return {
      status: response.status,
      headers: response.headers,
      data: await readBody(response, request),
    };
  }

  async function request<T>(options: RequestOptions<T>): Promise<T> {
    return (await send(options)).data;
  }

  function refreshSession(): Promise<boolean> {
    refreshInFlight ??= refreshWithOneRetry().finally(() => {
      refreshInFlight = null;
    });
    return refreshInFlight;
  }

  async function refreshWithOneRetry(): Promise<boolean> {
    const sentRefreshToken = (await readTokens()).refreshToken;
    let response = await postRefresh();
    if (response.status === 409) {
      // Another tab or process rotated this token a moment ago. Browsers share the cookie, so after
      // the wait the cookie holds its successor; native clients look for it in their token store.
      const problem = await readProblem(response);
      if (problem.code !== "refresh-in-progress") throw problem;
      await delay(retryAfterSeconds(response.headers) * 1000);
      if (platform === "native" && !(await loadNewerRefreshToken(sentRefreshToken))) {
        // Sending the same token again after the grace period counts as reuse, which makes the
        // server end the session and record a high-severity audit event. The successor never
        // reached this device, so the session is lost here either way.
        await endSession("session-ended");
        return false;
      }
      response = await postRefresh();
    }

    if (response.status === 401) {
      await endSession("session-ended");
      return false;
    }
    if (!response.ok) throw await readProblem(response);

    const parsed = tokenResponseSchema.safeParse(await readJson(response));
    if (!parsed.success)
      throw new UnexpectedResponseError("The refresh response contains no access token.");
    await storeTokenResponse(parsed.data);
    return true;
  }

  /** Reloads the token store and tells whether it now holds a refresh token other than `sent`. */
  async function loadNewerRefreshToken(sent: string | null): Promise<boolean> {
    const stored = await store.load();
    if (!stored.refreshToken || stored.refreshToken === sent) return false;
    tokens = { ...(await readTokens()), refreshToken: stored.refreshToken };
    return true;
  }

  async function postRefresh(): Promise<Response> {
    const current = await readTokens();
    if (platform === "native" && !current.refreshToken) {
      return new Response(null, { status: 401 });
    }
    return perform(
      {
        method: "POST",
        path: "/auth/refresh",
        authenticated: false,
        body: platform === "native" ? { refreshToken: current.refreshToken } : undefined,
      },
      null,
    );
  }

  async function storeTokenResponse(response: TokenResponse): Promise<void> {
    const current = await readTokens();
    await writeTokens({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken ?? current.refreshToken,
      deviceToken: response.deviceToken ?? current.deviceToken,
    });
  }

  async function acceptTokens(response: TokenResponse): Promise<void> {
    await storeTokenResponse(response);
    for (const listener of loggedInListeners) listener();
  }

  async function endSession(reason: LogoutReason): Promise<void> {
    const current = await readTokens();
    // The device token outlives sessions: it is what lets this device skip login lockouts.
    await writeTokens({ ...EMPTY_TOKENS, deviceToken: current.deviceToken });
    for (const listener of loggedOutListeners) listener(reason, current.accessToken);
  }

  return {
    platform,
    send,
    request,
    refreshSession,
    acceptTokens,
    endSession,
    readTokens,
    onLoggedOut(listener) {
      loggedOutListeners.add(listener);
      return () => loggedOutListeners.delete(listener);
    },
    onLoggedIn(listener) {
      loggedInListeners.add(listener);
      return () => loggedInListeners.delete(listener);
    },
  };
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query: RequestOptions<unknown>["query"],
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const queryText = search.size > 0 ? `?${search.toString()}` : "";
  return `${baseUrl}${API_PREFIX}${path}${queryText}`;
}

function sessionEndedError(): ProblemError {
  return new ProblemError({
    type: "/problems/session-expired",
    title: "Session expired",
    status: 401,
    detail: "Your session has ended. Log in again.",
  });
}

async function readProblem(response: Response): Promise<ProblemError> {
  return new ProblemError(
    problemFromResponse(response, await readJson(response)),
    response.headers,
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function readBody<T>(response: Response, request: RequestOptions<T>): Promise<T> {
  if (request.responseType === "response") return response as T;
  if (request.responseType === "blob") return (await response.blob()) as T;
  if (request.responseType === "stream") {
    if (!response.body) throw new UnexpectedResponseError("The response has no body to stream.");
    return response.body as T;
  }
  if (response.status === 204) return undefined as T;

  const body = await readJson(response);
  if (!request.schema) return body as T;
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    throw new UnexpectedResponseError(
      `The response to ${request.method ?? "GET"} ${request.path} does not match the contract.`,
    );
  }
  return parsed.data;
}
