import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("npm start", () => {
  it("refuses a default production secret before building", () => {
    const started = Date.now();
    const result = spawnSync("node", ["scripts/start.mjs"], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        SECRET_KEY: "changeme",
      },
      encoding: "utf8",
      timeout: 60_000,
    });

    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("SECRET_KEY");
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
