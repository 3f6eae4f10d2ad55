import { describe, expect, it } from "vitest";

import { renderMarkdown } from "../features/coach/markdown";
import { safeAppPathOr, toSafeAppPath } from "./safe-path";

describe("toSafeAppPath", () => {
  it.each([
    "/today",
    "/day/2026-03-29",
    "/settings?tab=2#sessions",
    "/%09/evil.example",
    "/coach/chat/6f708192-6666-4666-8666-666666666666",
  ])("accepts %j", (path) => {
    expect(toSafeAppPath(path)).toBe(path);
  });

  it.each([
    null,
    undefined,
    42,
    "",
    "today",
    "//evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/day/\u0000",
    "/day/\u007f",
    "/ /evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
  ])("rejects %j", (value) => {
    expect(toSafeAppPath(value)).toBeNull();
  });
});

describe("safeAppPathOr", () => {
  it("falls back to Today", () => {
    expect(safeAppPathOr("/\t/evil.example")).toBe("/today");
  });

  it("uses the given fallback", () => {
    expect(safeAppPathOr("//evil.example", "/login")).toBe("/login");
  });
});

describe("coach markdown links", () => {
  it("keeps an app path", () => {
    expect(renderMarkdown("[Day](/day/2026-03-29)")).toContain('href="/day/2026-03-29"');
  });

  it.each([
    "[y](</\\evil.example>)",
    "[y](</\t/evil.example>)",
    "[y](</\u00a0/evil.example>)",
    '<a href="/&#9;/evil.example">x</a>',
  ])("leaves no unsafe app path in %j", (source) => {
    const hrefs = [...renderMarkdown(source).matchAll(/href="([^"]*)"/g)].map((match) =>
      match[1]!.replaceAll("&amp;", "&"),
    );

    for (const href of hrefs) expect(toSafeAppPath(href)).toBe(href);
  });
});
