import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin, STRONG_PASSWORD } from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";
import { auditEvents } from "../audit/audit.tables";
import { pushSubscriptions } from "../notifications/notifications.tables";
import { sessions } from "./auth.tables";

const REFRESH = "/api/v1/auth/refresh";
const NATIVE = { "x-client-type": "native" };

describe("refresh tokens", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    subject = await createTestApp();
    clock = subject.clock as ManualClock;
  });
  afterAll(async () => {
    await subject.close();
  });

  function login() {
    return registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
  }

  function refresh(refreshToken: string) {
    return subject.app.inject({
      method: "POST",
      url: REFRESH,
      headers: NATIVE,
      payload: { refreshToken },
    });
  }

  it("rotates on every use", async () => {
    const user = await login();

    const first = await refresh(user.refreshToken);
    const second = await refresh(first.json().refreshToken);

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(
      new Set([user.refreshToken, first.json().refreshToken, second.json().refreshToken]).size,
    ).toBe(3);
  });

  it("lets exactly one of 20 parallel refreshes rotate", async () => {
    const user = await login();

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => refresh(user.refreshToken)),
    );

    const succeeded = responses.filter((response) => response.statusCode === 200);
    const conflicts = responses.filter((response) => response.statusCode === 409);
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) {
      expect(conflict.json().type).toBe("/problems/refresh-in-progress");
      expect(conflict.headers["retry-after"]).toBe("1");
    }
    const successor = await refresh(succeeded[0]!.json().refreshToken);
    expect(successor.statusCode).toBe(200);
  });

  it("ends the session when a rotated token returns after the grace", async () => {
    const user = await login();
    const rotated = await refresh(user.refreshToken);
    const successor = rotated.json().refreshToken as string;

    clock.advance(11_000);
    const replay = await refresh(user.refreshToken);
    const afterReplay = await refresh(successor);
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(rotated.json().accessToken),
    });

    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toBe("/problems/session-expired");
    expect(afterReplay.statusCode).toBe(401);
    expect(me.statusCode).toBe(401);
    const events = await subject.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.event, "auth.refresh.reuse")));
    expect(events.some((event) => event.severity === "high")).toBe(true);
  });

  it("keeps the session for a duplicate within the grace", async () => {
    const user = await login();
    const rotated = await refresh(user.refreshToken);

    clock.advance(5_000);
    const duplicate = await refresh(user.refreshToken);
    const successor = await refresh(rotated.json().refreshToken);

    expect(duplicate.statusCode).toBe(409);
    expect(successor.statusCode).toBe(200);
  });

  it("rejects unknown refresh tokens", async () => {
    const response = await refresh("x".repeat(43));

    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe("/problems/session-expired");
  });

  it("ends idle sessions after the idle timeout", async () => {
    const user = await login();

    clock.advance(7 * 86_400_000 + 1_000);
    const response = await refresh(user.refreshToken);

    expect(response.statusCode).toBe(401);
  });

  it("ends sessions at the absolute lifetime", async () => {
    const user = await login();
    let token = user.refreshToken;

    for (let day = 0; day < 31; day += 1) {
      clock.advance(86_400_000);
      const response = await refresh(token);
      if (response.statusCode !== 200) {
        expect(day).toBeGreaterThanOrEqual(29);
        expect(response.statusCode).toBe(401);
        return;
      }
      token = response.json().refreshToken;
    }
    throw new Error("the session outlived its absolute lifetime");
  });

  it("stops access tokens of a logged-out session", async () => {
    const user = await login();

    const logout = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: NATIVE,
      payload: { refreshToken: user.refreshToken },
    });
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });
    const again = await refresh(user.refreshToken);

    expect(logout.statusCode).toBe(204);
    expect(me.statusCode).toBe(401);
    expect(again.statusCode).toBe(401);
  });

  it("logs out every session with logout-all", async () => {
    const user = await login();
    const second = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: NATIVE,
      payload: { email: user.email, password: STRONG_PASSWORD },
    });

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout-all",
      headers: { ...NATIVE, ...bearer(user.accessToken) },
    });

    expect(response.statusCode).toBe(204);
    expect((await refresh(user.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.json().refreshToken)).statusCode).toBe(401);
    const live = await subject.deps.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.revokeReason, "logout-all"));
    expect(live.length).toBeGreaterThanOrEqual(2);
  });

  it("removes push subscriptions when every session ends", async () => {
    const user = await login();
    const endpoint = `https://fcm.googleapis.com/fcm/send/logout-all-${Date.now()}`;
    const subscribed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/push/subscriptions",
      headers: bearer(user.accessToken),
      payload: {
        endpoint,
        keys: {
          p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString("base64url"),
          auth: Buffer.alloc(16, 2).toString("base64url"),
        },
      },
    });

    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout-all",
      headers: { ...NATIVE, ...bearer(user.accessToken) },
    });

    expect(subscribed.statusCode).toBeLessThan(300);
    const left = await subject.deps.database.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, endpoint));
    expect(left).toEqual([]);
  });
});

describe("web refresh cookie", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  async function webLogin(): Promise<{ cookie: string; setCookie: string[] }> {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: user.password },
    });
    const setCookie = ([] as string[]).concat(response.headers["set-cookie"] ?? []);
    const refresh = setCookie.find((value) => value.startsWith("fc_refresh="))!;
    return { cookie: refresh.split(";")[0]!, setCookie };
  }

  it("sets a strict HttpOnly cookie and no body token", async () => {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: user.email, password: user.password },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json().refreshToken).toBeUndefined();
    expect(response.json().tokenType).toBe("Bearer");
    const cookie = ([] as string[])
      .concat(response.headers["set-cookie"] ?? [])
      .find((value) => value.startsWith("fc_refresh="))!;
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/api/v1/auth");
  });

  it("refreshes with the cookie and the client header", async () => {
    const { cookie } = await webLogin();

    const response = await subject.app.inject({
      method: "POST",
      url: REFRESH,
      headers: { cookie, "x-fitcoach-client": "web", origin: "http://localhost:8000" },
    });

    expect(response.statusCode).toBe(200);
    expect(String(response.headers["set-cookie"])).toContain("fc_refresh=");
  });

  it("rejects cookie refresh without the client header", async () => {
    const { cookie } = await webLogin();

    const response = await subject.app.inject({
      method: "POST",
      url: REFRESH,
      headers: { cookie },
    });

    expect(response.statusCode).toBe(403);
  });

  it("rejects cookie refresh from a foreign origin", async () => {
    const { cookie } = await webLogin();

    const response = await subject.app.inject({
      method: "POST",
      url: REFRESH,
      headers: { cookie, "x-fitcoach-client": "web", origin: "https://evil.example" },
    });

    expect(response.statusCode).toBe(403);
  });
});
