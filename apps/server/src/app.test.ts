import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../test/helpers/app";
import type { TestApp } from "../test/helpers/app";

describe("app", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it("reports ready with security headers", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/health/ready" });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: "ok",
      checks: { database: "ok", redis: "disabled" },
    });
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-xss-protection"]).toBe("1; mode=block");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
