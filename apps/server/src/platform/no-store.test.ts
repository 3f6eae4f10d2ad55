import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";
import { STRONG_PASSWORD, uniqueEmail } from "../../test/helpers/auth";
import { signIn } from "../../test/helpers/tracking";
import type { SignedInUser } from "../../test/helpers/tracking";

describe("Cache-Control on API responses", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp();
    user = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it.each([
    ["GET", "/api/v1/me", 200],
    ["GET", "/api/v1/days/2026-04-01", 200],
    ["GET", "/api/v1/water?from=2026-04-01&to=2026-04-02", 200],
    ["GET", "/api/v1/water?from=bad&to=2026-04-02", 400],
    ["GET", "/api/v1/water/00000000-0000-4000-8000-000000000000", 404],
    ["GET", "/api/v1/no-such-route", 404],
    ["PUT", "/api/v1/me", 405],
  ] as const)("marks %s %s as no-store", async (method, url, status) => {
    const response = await subject.app.inject({ method, url, headers: user.headers });

    expect(response.statusCode).toBe(status);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("marks refusals without a token", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/me" });

    expect(response.statusCode).toBe(401);
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("marks login success and failure", async () => {
    const email = uniqueEmail("cache");
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email, password: STRONG_PASSWORD },
    });

    const failed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email, password: `${STRONG_PASSWORD}x` },
    });
    const malformed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{",
    });

    expect(failed.statusCode).toBe(401);
    expect(failed.headers["cache-control"]).toBe("no-store");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["cache-control"]).toBe("no-store");
  });

  it("marks a token response", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-client-type": "native" },
      payload: { email: user.email, password: user.password },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().accessToken).toEqual(expect.any(String));
    expect(response.headers["cache-control"]).toBe("no-store");
  });
});
