import type { FastifyInstance } from "fastify";

import type { LogCapture } from "./app";

/** A password that passes the strength policy; tests vary it with a suffix when they need two. */
export const STRONG_PASSWORD = "plum-Harbor-quiet-Lantern-58";

let counter = 0;

export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

/** Returns the token of the newest development mail whose link goes to `path`, for an address. */
export function mailedToken(logs: LogCapture, to: string, path: string): string {
  const line = [...logs.lines]
    .reverse()
    .find(
      (entry) =>
        entry.to === to &&
        typeof entry.link === "string" &&
        (entry.link as string).includes(`${path}?token=`),
    );
  if (!line) throw new Error(`no mail with a ${path} link was logged for ${to}`);
  return new URL(line.link as string).searchParams.get("token")!;
}

export interface RegisteredUser {
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  deviceToken: string;
}

/** Registers, verifies and logs in a native client; returns its tokens. */
export async function registerAndLogin(
  app: FastifyInstance,
  logs: LogCapture,
  runJobs: () => Promise<number>,
  options: { email?: string; password?: string; verify?: boolean } = {},
): Promise<RegisteredUser> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? STRONG_PASSWORD;
  const register = await app.inject({
    method: "POST",
    url: "/api/v1/auth/register",
    payload: { email, password },
  });
  if (register.statusCode !== 202)
    throw new Error(`register failed: ${register.statusCode} ${register.body}`);

  if (options.verify !== false) {
    // Earlier tests may have queued more mail than one batch, so run jobs until the queue is empty.
    for (let round = 0; round < 50 && (await runJobs()) > 0; round += 1);
    const token = mailedToken(logs, email, "/verify-email");
    const verify = await app.inject({
      method: "POST",
      url: "/api/v1/auth/verify-email",
      payload: { token },
    });
    if (verify.statusCode !== 200)
      throw new Error(`verify failed: ${verify.statusCode} ${verify.body}`);
  }

  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    headers: { "x-client-type": "native" },
    payload: { email, password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const body = login.json() as { accessToken: string; refreshToken: string; deviceToken: string };
  return { email, password, ...body };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
