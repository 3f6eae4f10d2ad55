import { describe, expect, it } from "vitest";

import { MarkdownStreamSanitizer, sanitizeModelMarkdown } from "./safe-markdown";

function streamed(chunks: string[]): string {
  const sanitizer = new MarkdownStreamSanitizer();
  return chunks.map((chunk) => sanitizer.push(chunk)).join("") + sanitizer.flush();
}

describe("sanitizeModelMarkdown", () => {
  it.each([
    ["[click](javascript:alert(1))", "click"],
    ["[click](JaVaScRiPt:alert(1))", "click"],
    ["[click]( javascript:alert(1) )", "click"],
    ["[click](<javascript:alert(1)>)", "click"],
    ["[click](java&#115;cript:alert(1))", "click"],
    ["[click](java&#x73;cript&colon;alert(1))", "click"],
    ["[click](%6Aavascript:alert(1))", "click"],
    ["[click](data:text/html;base64,PHNjcmlwdD4=)", "click"],
    ["[click](vbscript:msgbox)", "click"],
  ])("drops unsafe link %s", (input, expected) => {
    expect(sanitizeModelMarkdown(input)).toBe(expected);
  });

  it("keeps https, mailto and relative links", () => {
    const text = "[a](https://example.org/x_(y)) [b](mailto:coach@example.org) [c](/today)";

    expect(sanitizeModelMarkdown(text)).toBe(text);
  });

  it("drops unsafe reference definitions", () => {
    const text = "See [the tip][tip].\n\n[tip]: javascript:alert(1)\n[ok]: https://example.org";

    expect(sanitizeModelMarkdown(text)).toBe("See [the tip][tip].\n\n\n[ok]: https://example.org");
  });

  it("drops unsafe autolinks and keeps safe ones", () => {
    expect(sanitizeModelMarkdown("<javascript:alert(1)> <https://example.org>")).toBe(
      "https://example.org",
    );
  });

  it("removes HTML tags, comments and scripts", () => {
    const text =
      'a<script>alert(1)</script>b<!-- hidden -->c<b onclick="x">d</b><style>p{}</style>';

    expect(sanitizeModelMarkdown(text)).toBe("abcd");
  });

  it("escapes a tag that never closes", () => {
    expect(sanitizeModelMarkdown("hi <img src=x onerror=alert(1)")).toBe(
      "hi &lt;img src=x onerror=alert(1)",
    );
  });

  it("turns images into alt text", () => {
    expect(sanitizeModelMarkdown("![pixel](https://collector.invalid/?d=1) ![ref][x]")).toBe(
      "pixel ref",
    );
  });

  it("breaks link syntax it cannot parse", () => {
    expect(sanitizeModelMarkdown("[x](javascript:a(b(c)))")).not.toMatch(/\]\(javascript/i);
  });

  it("keeps comparisons and plain text", () => {
    const text = "Aim for < 2300 mg sodium, 3 > 2, and 5 <= 6.\n\n- **Protein**: 120 g";

    expect(sanitizeModelMarkdown(text)).toBe(text);
  });
});

describe("MarkdownStreamSanitizer", () => {
  it("judges a link split across chunks", () => {
    expect(streamed(["See [this](java", "script:alert(1)) now"])).toBe("See this now");
  });

  it("judges a tag split across chunks", () => {
    expect(streamed(["Hi <", "img src=x onerror=alert(1)", "> there"])).toBe("Hi  there");
  });

  it("judges an image split across chunks", () => {
    expect(streamed(["Look !", "[pixel](https://collector.invalid/?d=1)"])).toBe("Look pixel");
  });

  it("passes plain text through unchanged", () => {
    expect(streamed(["Drink ", "more ", "water."])).toBe("Drink more water.");
  });
});
