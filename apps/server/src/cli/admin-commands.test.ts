import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, testConfig } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";
import { registerAndLogin } from "../../test/helpers/auth";
import { COMMANDS } from "./commands";

describe("admin commands", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function run(
    name: string,
    args: string[] = [],
  ): Promise<{ code: number; output: string[] }> {
    const output: string[] = [];
    const config = testConfig({ DATABASE_URL: subject.databaseUrl });
    const code = await COMMANDS[name]!.run({
      config,
      logger: subject.deps.logger,
      args,
      print: (line) => output.push(line),
    });
    return { code, output };
  }

  function refresh(refreshToken: string) {
    return subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken },
    });
  }

  it("makes every refresh token fail after incident", async () => {
    const first = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.drain(),
    );
    const second = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.drain(),
    );

    const result = await run("incident");

    expect(result.code).toBe(0);
    expect(result.output[0]).toMatch(/^Revoked \d+ session/);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
  });

  it("revokes one user's sessions", async () => {
    const target = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.drain(),
    );
    const bystander = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.drain(),
    );

    const result = await run("users:revoke-sessions", [target.email]);

    expect(result.code).toBe(0);
    expect((await refresh(target.refreshToken)).statusCode).toBe(401);
    expect((await refresh(bystander.refreshToken)).statusCode).toBe(200);
  });

  it("creates an administrator", async () => {
    const result = await run("admin:create", ["root@example.test"]);
    const password = result.output.find((line) => line.startsWith("Password"))!.split(": ")[1]!;

    const login = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "root@example.test", password },
    });

    expect(result.code).toBe(0);
    expect(login.statusCode).toBe(200);
  });
});
