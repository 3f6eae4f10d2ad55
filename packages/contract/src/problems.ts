/**
 * Every problem type the API can return (RFC 9457). The server declares its errors from this
 * table and clients switch on `type`, so a renamed problem breaks both at compile time.
 */
export const PROBLEMS = {
  "validation-failed": { status: 400, title: "Request validation failed" },
  "malformed-body": { status: 400, title: "Malformed request body" },
  "malformed-request": { status: 400, title: "Malformed request" },
  "invalid-token": { status: 400, title: "Invalid or expired token" },
  "weak-password": { status: 400, title: "Password is too weak" },
  "invalid-code": { status: 400, title: "Invalid verification code" },
  "authentication-required": { status: 401, title: "Authentication required" },
  "invalid-credentials": { status: 401, title: "Invalid email or password" },
  "reauthentication-required": { status: 401, title: "Recent authentication required" },
  "session-expired": { status: 401, title: "Session expired" },
  "mfa-failed": { status: 401, title: "Two-factor authentication failed" },
  forbidden: { status: 403, title: "Forbidden" },
  "email-not-verified": { status: 403, title: "Email address not verified" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "refresh-in-progress": { status: 409, title: "Refresh already in progress" },
  "idempotency-key-reused": { status: 422, title: "Idempotency key reused with another request" },
  "request-timeout": { status: 408, title: "Request timeout" },
  "precondition-failed": { status: 412, title: "Precondition failed" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "uri-too-long": { status: 414, title: "URI too long" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "unprocessable-content": { status: 422, title: "Unprocessable content" },
  "precondition-required": { status: 428, title: "Precondition required" },
  "rate-limited": { status: 429, title: "Too many requests" },
  "request-header-fields-too-large": { status: 431, title: "Request header fields too large" },
  "internal-error": { status: 500, title: "Internal server error" },
  "bad-gateway": { status: 502, title: "Upstream service failed" },
  "service-unavailable": { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

/** One failing field of a request, as listed in a problem's `errors` member. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem document as the API sends it. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** Machine-readable reason for refusals that clients act on, such as `reauthentication`. */
  reason?: string;
  requestId?: string;
}

export function problemTypeUri(code: ProblemCode): string {
  return `/problems/${code}`;
}
