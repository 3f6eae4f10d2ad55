import { describe, expect, test } from "vitest";

import {
  injectPolicyMetaTag,
  parsePolicy,
  rendererPolicyDirectives,
  serializePolicy,
} from "./content-security-policy";

describe("rendererPolicyDirectives", () => {
  test("adds the server origin to connect-src", () => {
    const directives = rendererPolicyDirectives("https://fit.example.com");

    expect(directives["connect-src"]).toEqual(["'self'", "https://fit.example.com"]);
  });

  test("allows only self without a server", () => {
    expect(rendererPolicyDirectives(null)["connect-src"]).toEqual(["'self'"]);
  });
});

describe("serializePolicy", () => {
  test("round-trips through parsePolicy", () => {
    const directives = rendererPolicyDirectives("https://fit.example.com");

    expect(parsePolicy(serializePolicy(directives))).toEqual(directives);
  });
});

describe("injectPolicyMetaTag", () => {
  const directives = rendererPolicyDirectives(null);

  test("puts the tag first in head", () => {
    const html = '<html><head><script src="/a.js"></script></head></html>';

    const result = injectPolicyMetaTag(html, directives);

    expect(result.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(
      result.indexOf("<script"),
    );
    expect(result.startsWith("<html><head><meta ")).toBe(true);
  });

  test("handles head with attributes", () => {
    const result = injectPolicyMetaTag('<HEAD lang="en"><title>x</title>', directives);

    expect(result.startsWith('<HEAD lang="en"><meta http-equiv')).toBe(true);
  });

  test("leaves frame-ancestors out of the tag", () => {
    const result = injectPolicyMetaTag("<head></head>", directives);

    expect(result).not.toContain("frame-ancestors");
    expect(result).toContain("script-src 'self'");
  });

  test("prepends the tag without a head", () => {
    const result = injectPolicyMetaTag("<p>hi</p>", directives);

    expect(result.startsWith("<meta http-equiv")).toBe(true);
  });
});
