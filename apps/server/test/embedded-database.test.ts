import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildApp } from "../src/app";
import { prepareDatabase } from "../src/database-setup";
import { openRuntime } from "../src/runtime";
import type { FastifyInstance } from "fastify";
import { LogCapture, testConfig } from "./helpers/app";
import { registerAndLogin } from "./helpers/auth";

// The zero-setup mode: no DATABASE_URL, so the server runs on PGlite in DATA_DIR.
describe("embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "fitcoach-pglite-"));
  const logs = new LogCapture();
  let app: FastifyInstance;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const config = testConfig({ DATABASE_URL: undefined, DATA_DIR: dataDir });
    const runtime = await openRuntime(config, logs.logger, { webRoot: null });
    await prepareDatabase(runtime);
    app = await buildApp(runtime);
    await app.ready();
    close = async () => {
      await app.close();
      await runtime.close();
    };
  }, 120_000);
  afterAll(async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs migrations and reports ready", async () => {
    const response = await app.inject({ method: "GET", url: "/health/ready" });

    expect(response.statusCode).toBe(200);
    expect(app.deps.database.kind).toBe("pglite");
  });

  it("registers and logs in a user", async () => {
    const user = await registerAndLogin(app, logs, () => app.deps.jobs.runOnce());
    const me = await app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: { authorization: `Bearer ${user.accessToken}` },
    });

    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(user.email);
  });
});

describe("embedded database files", () => {
  // PGlite creates its files with mode 666 whatever the umask, so the protection is the data
  // folder itself: mode 700, which other users cannot enter.
  it("are out of reach of other users", async () => {
    const { chmodSync, statSync } = await import("node:fs");
    const { spawnSync } = await import("node:child_process");
    const parent = mkdtempSync(path.join(tmpdir(), "fitcoach-modes-"));
    chmodSync(parent, 0o755);
    const dataDir = path.join(parent, "data");
    try {
      const config = testConfig({ DATABASE_URL: undefined, DATA_DIR: dataDir });
      const runtime = await openRuntime(config, new LogCapture().logger, { webRoot: null });
      await runtime.close();

      const otherUser = spawnSync(
        "runuser",
        ["-u", "nobody", "--", "cat", path.join(dataDir, "db", "PG_VERSION")],
        {
          encoding: "utf8",
        },
      );

      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(otherUser.status).not.toBe(0);
      expect(otherUser.stderr).toContain("Permission denied");
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);
});
