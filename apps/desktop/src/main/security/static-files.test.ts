import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";

import { rendererPolicyDirectives, serializePolicy } from "./content-security-policy";
import { readStaticFile } from "./static-files";

const policy = rendererPolicyDirectives("https://fit.example.com");
let root: string;

beforeAll(() => {
  const parent = mkdtempSync(path.join(tmpdir(), "fitcoach-static-"));
  root = path.join(parent, "renderer");
  mkdirSync(path.join(root, "assets"), { recursive: true });
  writeFileSync(path.join(root, "index.html"), "<html><head></head><body>app</body></html>");
  writeFileSync(path.join(root, "assets", "index-1.js"), "console.log(1)");
  writeFileSync(path.join(parent, "secret.txt"), "outside the root");
});

describe("readStaticFile", () => {
  test("serves a script with its type", async () => {
    const response = await readStaticFile(root, "GET", "/assets/index-1.js", policy);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.body?.toString()).toBe("console.log(1)");
  });

  test("sends the policy on every response", async () => {
    const response = await readStaticFile(root, "GET", "/assets/index-1.js", policy);

    expect(response.headers["content-security-policy"]).toBe(serializePolicy(policy));
  });

  test("injects the policy into HTML", async () => {
    const response = await readStaticFile(root, "GET", "/", policy);

    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body?.toString()).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  test("falls back to index for routes", async () => {
    const response = await readStaticFile(root, "GET", "/today/water", policy);

    expect(response.status).toBe(200);
    expect(response.body?.toString()).toContain("app");
  });

  test("returns 404 for missing assets", async () => {
    const response = await readStaticFile(root, "GET", "/assets/missing.js", policy);

    expect(response.status).toBe(404);
    expect(response.body).toBeNull();
  });

  test.each([
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
  ])("keeps %s inside the root", async (pathname) => {
    const response = await readStaticFile(root, "GET", pathname, policy);

    expect(response.body?.toString() ?? "").not.toContain("outside the root");
  });

  test("returns 404 for malformed escapes", async () => {
    const response = await readStaticFile(root, "GET", "/%E0%A4%A", policy);

    expect(response.status).toBe(404);
  });

  test("rejects POST with 405", async () => {
    const response = await readStaticFile(root, "POST", "/", policy);

    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
  });

  test("returns HEAD without a body", async () => {
    const response = await readStaticFile(root, "HEAD", "/assets/index-1.js", policy);

    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });
});
