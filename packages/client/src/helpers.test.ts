import { describe, expect, it } from "vitest";

import { fileNameFromDisposition } from "./me-api";
import { retryAfterSeconds, RETRY_AFTER_MAX_SECONDS } from "./retry-after";

describe("fileNameFromDisposition", () => {
  it("prefers the UTF-8 name", () => {
    expect(
      fileNameFromDisposition("attachment; filename=\"a.json\"; filename*=UTF-8''%C3%BAdaje.json"),
    ).toBe("údaje.json");
  });

  it("replaces path separators", () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"')).toBe(
      ".._.._etc_passwd",
    );
  });

  it("falls back without a header", () => {
    expect(fileNameFromDisposition(null)).toBe("fitcoach-export.json");
  });
});

describe("retryAfterSeconds", () => {
  it("reads delta seconds", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after": "3" }))).toBe(3);
  });

  it("reads an HTTP date", () => {
    const now = Date.parse("2026-03-29T10:00:00Z");
    expect(
      retryAfterSeconds(new Headers({ "retry-after": "Sun, 29 Mar 2026 10:00:05 GMT" }), now),
    ).toBe(5);
  });

  it("caps long waits", () => {
    expect(retryAfterSeconds(new Headers({ "retry-after": "3600" }))).toBe(RETRY_AFTER_MAX_SECONDS);
  });
});
