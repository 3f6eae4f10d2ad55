import { describe, expect, test } from "vitest";

import { normalizeServerUrl, SERVER_URL_MAX_LENGTH, serverOriginOf } from "./server-url";

describe("normalizeServerUrl", () => {
  test("accepts https and drops trailing slash", () => {
    expect(normalizeServerUrl("https://fit.example.com/")).toEqual({
      ok: true,
      serverUrl: "https://fit.example.com",
    });
  });

  test("keeps a reverse-proxy path prefix", () => {
    expect(normalizeServerUrl("  https://example.com:8443/fitcoach/ ")).toEqual({
      ok: true,
      serverUrl: "https://example.com:8443/fitcoach",
    });
  });

  test.each(["http://localhost:8000", "http://127.0.0.1:8000", "http://[::1]:8000"])(
    "accepts plain http for loopback %s",
    (input) => {
      expect(normalizeServerUrl(input)).toEqual({ ok: true, serverUrl: input });
    },
  );

  test.each([
    ["http://fit.example.com", "must start with https://"],
    ["http://localhost.example.com", "must start with https://"],
    ["http://192.168.1.20:8000", "must start with https://"],
    ["ftp://fit.example.com", "must start with https://"],
    ["javascript:alert(1)", "must start with https://"],
    ["file:///etc/passwd", "must start with https://"],
    ["https://user:secret@fit.example.com", "must not contain a user name or password"],
    ["https://fit.example.com/?next=1", "must not contain a query"],
    ["https://fit.example.com/#top", "must not contain a query"],
    ["fit.example.com", "is invalid"],
    ["", "is missing"],
    ["   ", "is missing"],
  ])("rejects %s", (input, reason) => {
    const result = normalizeServerUrl(input);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  test("rejects non-string input", () => {
    expect(normalizeServerUrl(42)).toEqual({ ok: false, reason: "The server URL is missing." });
  });

  test("rejects URLs over the length limit", () => {
    const input = `https://fit.example.com/${"a".repeat(SERVER_URL_MAX_LENGTH)}`;

    const result = normalizeServerUrl(input);

    expect(result).toEqual({
      ok: false,
      reason: `The server URL must have at most ${SERVER_URL_MAX_LENGTH} characters.`,
    });
  });
});

describe("serverOriginOf", () => {
  test("returns origin without the path", () => {
    expect(serverOriginOf("https://example.com:8443/fitcoach")).toBe("https://example.com:8443");
  });
});
