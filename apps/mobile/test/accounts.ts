import { randomBytes } from "node:crypto";
import { createApiClient } from "@fitcoach/client";
import type { ApiClient } from "@fitcoach/client";

import type { MobileRuntime } from "../src/runtime/mobile-runtime";

/** A password that passes the server's strength check. */
export const TEST_PASSWORD = "correct horse battery staple 42";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Registers an account with the server's real endpoint; login works before verification. */
export async function registerAccount(serverUrl: string, email: string): Promise<void> {
  const api = createApiClient({ platform: "native", baseUrl: serverUrl });
  await api.auth.register({ email, password: TEST_PASSWORD, timeZone: "Europe/Prague" });
}

/** Registers a new account and logs the device in with it. */
export async function signUpAndLogIn(runtime: MobileRuntime, prefix: string): Promise<string> {
  const email = uniqueEmail(prefix);
  await registerAccount(runtime.serverUrl, email);
  const outcome = await runtime.api.auth.login({ email, password: TEST_PASSWORD });
  if (outcome.status !== "signed-in") throw new Error("The test account unexpectedly has 2FA.");
  return email;
}

/** A second device of the same user, online, with its own session. */
export async function logInElsewhere(serverUrl: string, email: string): Promise<ApiClient> {
  const api = createApiClient({ platform: "native", baseUrl: serverUrl });
  await api.auth.login({ email, password: TEST_PASSWORD });
  return api;
}
