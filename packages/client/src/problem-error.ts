import { PROBLEMS } from "@fitcoach/contract";
import type { FieldError, ProblemCode, ProblemDocument } from "@fitcoach/contract";

const PROBLEM_TYPE_PREFIX = "/problems/";

/** An API refusal, carrying the RFC 9457 problem document the server sent. */
export class ProblemError extends Error {
  readonly problem: ProblemDocument;
  /** Response headers, for Retry-After on 429 and 409 responses. */
  readonly headers: Headers;

  constructor(problem: ProblemDocument, headers: Headers = new Headers()) {
    super(problem.detail ?? problem.title);
    this.name = "ProblemError";
    this.problem = problem;
    this.headers = headers;
  }

  get status(): number {
    return this.problem.status;
  }

  get type(): string {
    return this.problem.type;
  }

  /** Code from the contract's problem table, or null for a type the contract does not list. */
  get code(): ProblemCode | null {
    return problemCodeOf(this.problem.type);
  }

  get reason(): string | null {
    return this.problem.reason ?? null;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

/** A request that never got an HTTP response: offline, refused connection or timed out. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NetworkError";
  }
}

/**
 * A write the web app's service worker stored while offline. It will be sent, with the same
 * Idempotency-Key, when the device is back online; the server has not seen it yet.
 */
export class WriteQueuedError extends Error {
  constructor() {
    super("The change was saved on this device and will be sent when it is back online.");
    this.name = "WriteQueuedError";
  }
}

/** A 2xx response whose body does not match the contract, which means client and server disagree. */
export class UnexpectedResponseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnexpectedResponseError";
  }
}

export function problemCodeOf(type: string): ProblemCode | null {
  if (!type.startsWith(PROBLEM_TYPE_PREFIX)) return null;
  const code = type.slice(PROBLEM_TYPE_PREFIX.length);
  return Object.hasOwn(PROBLEMS, code) ? (code as ProblemCode) : null;
}

export function isProblem(error: unknown, code: ProblemCode): error is ProblemError {
  return error instanceof ProblemError && error.code === code;
}

/** Tells whether the server requires a fresh password or TOTP check before the action. */
export function isReauthenticationRequired(error: unknown): error is ProblemError {
  return (
    error instanceof ProblemError &&
    error.status === 401 &&
    (error.reason === "reauthentication" || error.code === "reauthentication-required")
  );
}

/**
 * Builds the problem document for an error response. Bodies that are not problem documents (a
 * proxy's HTML error page, say) get a minimal document from the status line.
 */
export function problemFromResponse(response: Response, body: unknown): ProblemDocument {
  if (isProblemDocument(body)) return body;
  return {
    type: "about:blank",
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
}

function isProblemDocument(body: unknown): body is ProblemDocument {
  if (typeof body !== "object" || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return (
    typeof candidate.type === "string" &&
    typeof candidate.title === "string" &&
    typeof candidate.status === "number"
  );
}
