/**
 * Reads the `sub` claim (the user id) of a JWT access token without checking its signature. The
 * result only decides which account a queued write belongs to. The server still verifies every
 * token it receives, so a forged token gains nothing here. Returns null for anything that is not
 * a JWT with a string `sub`.
 */
export function readTokenSubject(token: string | null | undefined): string | null {
  const payload = token?.split(".")[1];
  if (!payload) return null;
  try {
    const base64 = payload.replaceAll("-", "+").replaceAll("_", "/");
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "=")));
    const subject = (claims as { sub?: unknown } | null)?.sub;
    return typeof subject === "string" && subject !== "" ? subject : null;
  } catch {
    return null;
  }
}

/** Reads the user id from an `Authorization: Bearer <JWT>` header value. */
export function readBearerSubject(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return readTokenSubject(match?.[1]);
}
