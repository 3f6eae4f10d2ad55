import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";

const LOGIN = "/api/v1/auth/login";

describe("http basics", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp({
      configure(app) {
        app.get("/api/v1/test/explode", async () => {
          throw new Error("database password is hunter2");
        });
        app.get("/api/v1/test/cast/:value", async (request) => {
          const { value } = request.params as { value: string };
          await app.deps.database.db.execute(sql`select ${value}::int as number`);
          return { ok: true };
        });
      },
    });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("rejects malformed JSON with a problem", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload: "{bad",
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(response.json()).toEqual({
      type: "/problems/malformed-body",
      title: "Malformed request body",
      status: 400,
      detail: "The request body is not valid JSON.",
    });
  });

  it("rejects a body over the limit with 413", async () => {
    const payload = JSON.stringify({
      email: "a@example.test",
      password: "x".repeat(2 * 1024 * 1024),
    });

    const response = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload,
    });

    expect(response.statusCode).toBe(413);
    expect(response.json().type).toBe("/problems/payload-too-large");
  });

  it("rejects a wrong content type with 415", async () => {
    for (const contentType of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/xml",
    ]) {
      const response = await subject.app.inject({
        method: "POST",
        url: LOGIN,
        headers: { "content-type": contentType },
        payload: "email=a@example.test",
      });

      expect(response.statusCode, contentType).toBe(415);
      expect(response.json().type).toBe("/problems/unsupported-media-type");
    }
  });

  it("rejects prototype pollution attempts", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: { "content-type": "application/json" },
      payload: '{"email":"a@example.test","password":"x","__proto__":{"admin":true}}',
    });

    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("lists at most 20 invalid fields", async () => {
    const payload: Record<string, string> = { email: "a@example.test", password: "x" };
    for (let index = 0; index < 500; index += 1) payload[`extra${index}`] = "1";

    const response = await subject.app.inject({ method: "POST", url: LOGIN, payload });

    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toHaveLength(20);
    expect(response.json().detail).toContain("the first 20 are listed");
  });

  it("lists invalid fields in validation errors", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: "not-an-email", password: "", role: "admin" },
    });

    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.type).toBe("/problems/validation-failed");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { field: "email", message: "must be a valid email address" },
        { field: "password", message: "is required" },
        { field: "role", message: "is not an accepted field" },
      ]),
    );
  });

  it("rejects NUL characters in any field", async () => {
    const body = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: "a@example.test", password: "pass\u0000word" },
    });
    const query = await subject.app.inject({ method: "GET", url: "/api/v1/me/audit?cursor=a%00b" });

    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toEqual([
      { field: "password", message: "must not contain NUL characters" },
    ]);
    expect(query.statusCode).toBe(400);
  });

  it("turns database data errors into 400", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/test/cast/not-a-number",
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe("/problems/validation-failed");
    expect(response.body).not.toContain("invalid input syntax");
  });

  it("answers unknown routes with 404", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/nothing-here" });

    expect(response.statusCode).toBe(404);
    expect(response.json().type).toBe("/problems/not-found");
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const response = await subject.app.inject({ method: "DELETE", url: LOGIN });

    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe("POST");
    expect(response.json().type).toBe("/problems/method-not-allowed");
  });

  it("keeps 4xx bodies free of request ids", async () => {
    const first = await subject.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    const second = await subject.app.inject({ method: "GET", url: "/api/v1/nothing-here" });

    expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
    expect(first.body).toBe(second.body);
    expect(first.body).not.toContain(String(first.headers["x-request-id"]));
  });

  it("hides the cause of an unexpected error", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/test/explode" });

    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(body.type).toBe("/problems/internal-error");
    expect(body.requestId).toBe(response.headers["x-request-id"]);
    expect(response.body).not.toContain("hunter2");
    expect(response.body).not.toContain("at ");
    const logged = subject.logs.find((line) => line.msg === "request failed");
    expect(logged?.requestId).toBe(body.requestId);
  });

  it("keeps a valid incoming request id", async () => {
    const kept = await subject.app.inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "trace-12345678" },
    });
    const replaced = await subject.app.inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "bad id\n" },
    });

    expect(kept.headers["x-request-id"]).toBe("trace-12345678");
    expect(replaced.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sets security headers on errors too", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/nothing-here" });

    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-xss-protection"]).toBe("1; mode=block");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("answers a preflight from an allowed origin", async () => {
    const response = await subject.app.inject({
      method: "OPTIONS",
      url: LOGIN,
      headers: {
        origin: "https://app.example.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, x-fitcoach-client",
      },
    });

    expect(response.statusCode).toBe(204);
    expect(response.headers["access-control-allow-origin"]).toBe("https://app.example.test");
    expect(response.headers["access-control-allow-credentials"]).toBe("true");
    expect(response.headers["access-control-max-age"]).toBe("600");
    expect(response.headers["access-control-allow-methods"]).toBe(
      "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    );
    expect(String(response.headers["access-control-allow-headers"])).toContain("X-FitCoach-Client");
  });

  it("gives other origins no CORS headers", async () => {
    for (const origin of [
      "https://evil.example",
      "null",
      "https://app.example.test.evil.example",
    ]) {
      const response = await subject.app.inject({
        method: "OPTIONS",
        url: LOGIN,
        headers: { origin, "access-control-request-method": "POST" },
      });

      expect(response.headers["access-control-allow-origin"], origin).toBeUndefined();
      expect(response.headers["access-control-allow-credentials"], origin).toBeUndefined();
    }
  });

  it("logs one line per request without secrets", async () => {
    await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: { authorization: "Bearer secret-token-value", cookie: "fc_refresh=cookie-secret" },
      payload: { email: "nobody@example.test", password: "my-secret-password" },
    });

    const text = subject.logs.lines.map((line) => JSON.stringify(line)).join("\n");
    expect(text).not.toContain("secret-token-value");
    expect(text).not.toContain("cookie-secret");
    expect(text).not.toContain("my-secret-password");
    const completed = subject.logs.lines.filter(
      (line) => line.msg === "request completed" && line.path === LOGIN,
    );
    expect(completed.at(-1)).toMatchObject({ method: "POST", route: LOGIN, status: 401 });
    expect(typeof completed.at(-1)?.durationMs).toBe("number");
    expect(typeof completed.at(-1)?.requestId).toBe("string");
  });

  it("serves the OpenAPI document outside production", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/docs/json" });

    expect(response.statusCode).toBe(200);
    expect(response.json().paths["/api/v1/auth/login"]).toBeDefined();
  });
});
