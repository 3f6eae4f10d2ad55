import { get } from "node:https";
import { describe, expect, it } from "vitest";

import { createPublicPushAgent, isPrivateHost, isPublicAddress } from "./push-network";

describe("push network guard", () => {
  it("classifies public and private addresses", () => {
    expect(isPublicAddress("142.250.185.74")).toBe(true);
    expect(isPublicAddress("2a00:1450:4001:82b::200a")).toBe(true);
    expect(isPublicAddress("127.0.0.1")).toBe(false);
    expect(isPublicAddress("10.1.2.3")).toBe(false);
    expect(isPublicAddress("172.20.0.1")).toBe(false);
    expect(isPublicAddress("192.168.1.10")).toBe(false);
    expect(isPublicAddress("169.254.169.254")).toBe(false);
    expect(isPublicAddress("::1")).toBe(false);
    expect(isPublicAddress("fd00::1")).toBe(false);
    expect(isPublicAddress("::ffff:127.0.0.1")).toBe(false);
  });

  it("refuses IPv6 forms that embed an IPv4 address", () => {
    for (const address of [
      "64:ff9b::a9fe:a9fe",
      "64:ff9b::7f00:1",
      "::7f00:1",
      "::ffff:7f00:1",
      "::ffff:0:7f00:1",
      "2002:7f00:1::",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    ]) {
      expect(isPublicAddress(address)).toBe(false);
      expect(isPrivateHost(`[${address}]`)).toBe(true);
    }
  });

  it("treats localhost names as private", () => {
    expect(isPrivateHost("localhost.")).toBe(true);
    expect(isPrivateHost("LOCALHOST")).toBe(true);
    expect(isPrivateHost("localhost")).toBe(true);
    expect(isPrivateHost("push.localhost")).toBe(true);
    expect(isPrivateHost("[::1]")).toBe(true);
    expect(isPrivateHost("fcm.googleapis.com")).toBe(false);
  });

  it("refuses names that resolve to loopback", async () => {
    const agent = createPublicPushAgent();

    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      get("https://localhost:9/", { agent }, () => resolve(new Error("connected"))).on(
        "error",
        resolve,
      );
    });
    agent.destroy();

    expect(error.code).toBe("EPUSHPRIVATE");
  });

  it("refuses a private IP literal, which skips the lookup", async () => {
    const agent = createPublicPushAgent();

    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      get("https://[64:ff9b::7f00:1]:9/", { agent }, () => resolve(new Error("connected"))).on(
        "error",
        resolve,
      );
    });
    agent.destroy();

    expect(error.code).toBe("EPUSHPRIVATE");
  });
});
