import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";

describe("production mode", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp({
      env: {
        NODE_ENV: "production",
        BCRYPT_COST: "12",
        FRONTEND_URL: "https://fitcoach.example.test",
        CORS_ORIGINS: "https://fitcoach.example.test",
        ENABLE_EMAIL: "true",
        SMTP_HOST: "127.0.0.1",
        SMTP_SECURITY: "none",
      },
    });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("sends HSTS for a year with subdomains", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/health/live" });

    expect(response.headers["strict-transport-security"]).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("serves no API documentation", async () => {
    for (const url of ["/api/docs", "/api/docs/json", "/api/docs/static/index.html"]) {
      const response = await subject.app.inject({ method: "GET", url });

      expect(response.statusCode, url).toBe(404);
    }
  });
});
