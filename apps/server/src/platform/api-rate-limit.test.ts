import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../test/helpers/app";
import { bearer, registerAndLogin } from "../../test/helpers/auth";
import { addressGroup } from "./rate-limit";

describe("API-wide rate limit", () => {
  let subject: TestApp;
  let token: string;

  beforeAll(async () => {
    subject = await createTestApp({ env: { RATE_LIMIT_API: "5/minute" } });
    // Registration and login count too, so they come from an address of their own.
    ({ accessToken: token } = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.drain(),
    ));
  });
  afterAll(async () => {
    await subject.close();
  });

  async function get(url: string, remoteAddress: string) {
    return subject.app.inject({ method: "GET", url, headers: bearer(token), remoteAddress });
  }

  it("counts every API route of one address together", async () => {
    const address = "198.51.100.7";
    const urls = [
      "/api/v1/me",
      "/api/v1/goals",
      "/api/v1/notifications",
      "/api/v1/me",
      "/api/v1/goals",
    ];
    for (const url of urls) {
      const answer = await get(url, address);
      expect(answer.statusCode).toBe(200);
    }

    const limited = await get("/api/v1/foods?q=apple", address);

    expect(limited.statusCode).toBe(429);
    expect(limited.headers["content-type"]).toContain("application/problem+json");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json().type).toBe("/problems/rate-limited");
    expect(limited.body).not.toContain("stack");
  });

  it("keeps other addresses and the health checks apart", async () => {
    expect((await get("/api/v1/me", "198.51.100.8")).statusCode).toBe(200);
    const health = await subject.app.inject({
      method: "GET",
      url: "/health/live",
      remoteAddress: "198.51.100.7",
    });
    expect(health.statusCode).toBe(200);
  });

  it("counts an IPv6 /64 as one address", async () => {
    for (let index = 1; index <= 5; index += 1) {
      expect((await get("/api/v1/me", `2001:db8:1:2::${index}`)).statusCode).toBe(200);
    }

    const limited = await get("/api/v1/me", "2001:db8:1:2:ffff:ffff:ffff:ffff");

    expect(limited.statusCode).toBe(429);
  });

  it("groups IPv6 addresses by their first 64 bits", () => {
    expect(addressGroup("2001:db8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("2001:0DB8:0000:0001:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(addressGroup("::1")).toBe("0:0:0:0::/64");
    expect(addressGroup("203.0.113.4")).toBe("203.0.113.4");
  });
});
