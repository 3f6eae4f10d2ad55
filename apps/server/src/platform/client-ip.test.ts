import { afterEach, describe, expect, it } from "vitest";

import { createTestApp } from "../../test/helpers/app";
import type { TestApp } from "../../test/helpers/app";

describe("client address", () => {
  let subject: TestApp | undefined;

  afterEach(async () => {
    await subject?.close();
  });

  async function loggedIp(
    env: Record<string, string>,
    headers: Record<string, string>,
  ): Promise<unknown> {
    subject = await createTestApp({ env });
    await subject.app.inject({
      method: "GET",
      url: "/health/live",
      headers,
      remoteAddress: "10.1.2.3",
    });
    return subject.logs.lines.find((line) => line.msg === "request completed")?.ip;
  }

  it("ignores X-Forwarded-For by default", async () => {
    const ip = await loggedIp({}, { "x-forwarded-for": "203.0.113.9" });

    expect(ip).toBe("10.1.2.3");
  });

  it("uses X-Forwarded-For from a trusted proxy", async () => {
    const ip = await loggedIp({ TRUST_PROXY: "10.0.0.0/8" }, { "x-forwarded-for": "203.0.113.9" });

    expect(ip).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For from other proxies", async () => {
    const ip = await loggedIp(
      { TRUST_PROXY: "192.168.0.0/16" },
      { "x-forwarded-for": "203.0.113.9" },
    );

    expect(ip).toBe("10.1.2.3");
  });

  it("trusts only the configured hop count", async () => {
    const ip = await loggedIp(
      { TRUST_PROXY: "1" },
      { "x-forwarded-for": "198.51.100.7, 203.0.113.9" },
    );

    expect(ip).toBe("203.0.113.9");
  });
});
