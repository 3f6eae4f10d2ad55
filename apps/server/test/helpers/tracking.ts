import type { TestApp } from "./app";
import { bearer, registerAndLogin } from "./auth";
import type { RegisteredUser } from "./auth";

export interface SignedInUser extends RegisteredUser {
  headers: Record<string, string>;
}

/** Registers, verifies and logs in a user, optionally setting profile fields first. */
export async function signIn(
  subject: TestApp,
  profile: Record<string, unknown> = {},
): Promise<SignedInUser> {
  const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.runOnce());
  const headers = bearer(user.accessToken);
  if (Object.keys(profile).length > 0) {
    const response = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers,
      payload: profile,
    });
    if (response.statusCode !== 200) throw new Error(`profile update failed: ${response.body}`);
  }
  return { ...user, headers };
}

/** Sends a JSON request as the user and returns status, parsed body and headers. */
export async function call(
  subject: TestApp,
  user: { headers: Record<string, string> },
  method: "GET" | "POST" | "PATCH" | "DELETE" | "PUT",
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Record<string, unknown> }> {
  const response = await subject.app.inject({
    method,
    url,
    headers: { ...user.headers, ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const text = response.body;
  return {
    status: response.statusCode,
    body:
      text && response.headers["content-type"]?.toString().includes("json")
        ? JSON.parse(text)
        : text,
    headers: response.headers as Record<string, unknown>,
  };
}

/** Returns the account id of a signed-in user, for tests that write rows directly. */
export async function accountsUserId(
  subject: TestApp,
  user: { headers: Record<string, string> },
): Promise<string> {
  const me = await call(subject, user, "GET", "/api/v1/me");
  return me.body.id as string;
}

/** Builds a multipart/form-data body with text fields and one file, for upload routes. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string; field?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----fitcoach-test-${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
