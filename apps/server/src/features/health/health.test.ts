import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, TEST_REDIS_URL } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { createTestDatabase } from "../../../test/helpers/database";
import { TcpProxy } from "../../../test/helpers/tcp-proxy";

describe("readiness", () => {
  const database = { url: "", drop: async () => {} };
  const proxy = {
    postgres: undefined as TcpProxy | undefined,
    redis: undefined as TcpProxy | undefined,
  };
  let subject: TestApp;

  beforeAll(async () => {
    const created = await createTestDatabase();
    database.url = created.url;
    database.drop = created.drop;
    const target = new URL(created.url);
    proxy.postgres = new TcpProxy(target.hostname, Number(target.port || 5432));
    const redisTarget = new URL(TEST_REDIS_URL);
    proxy.redis = new TcpProxy(redisTarget.hostname, Number(redisTarget.port || 6379));
    const postgresPort = await proxy.postgres.start();
    const redisPort = await proxy.redis.start();

    const throughProxy = new URL(created.url);
    throughProxy.host = `127.0.0.1:${postgresPort}`;
    subject = await createTestApp({
      databaseUrl: throughProxy.toString(),
      env: { REDIS_URL: `redis://127.0.0.1:${redisPort}` },
    });
  });
  afterAll(async () => {
    await subject.close();
    await proxy.postgres?.stop();
    await proxy.redis?.stop();
    await database.drop();
  });

  it("follows the database going away and back", async () => {
    const before = await subject.app.inject({ method: "GET", url: "/health/ready" });
    await proxy.postgres!.cut();
    const during = await subject.app.inject({ method: "GET", url: "/health/ready" });
    await proxy.postgres!.restore();
    const after = await subject.app.inject({ method: "GET", url: "/health/ready" });

    expect(before.statusCode).toBe(200);
    expect(during.statusCode).toBe(503);
    expect(during.json().type).toBe("/problems/service-unavailable");
    expect(during.json().detail).toContain("database");
    expect(after.statusCode).toBe(200);
  });

  it("reports Redis down as degraded, not unready", async () => {
    await proxy.redis!.cut();
    const during = await subject.app.inject({ method: "GET", url: "/health/ready" });
    await proxy.redis!.restore();

    expect(during.statusCode).toBe(200);
    expect(during.json()).toEqual({
      status: "degraded",
      checks: { database: "ok", redis: "degraded" },
    });
  });

  it("answers liveness without the database", async () => {
    await proxy.postgres!.cut();
    const response = await subject.app.inject({ method: "GET", url: "/health/live" });
    await proxy.postgres!.restore();

    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });
});
