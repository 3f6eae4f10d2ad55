import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";

describe("me", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  function login() {
    return registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
  }

  it("updates profile fields", async () => {
    const user = await login();

    const response = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
      payload: {
        name: "Ana",
        timeZone: "Europe/Prague",
        units: "imperial",
        waterGoalMl: 3000,
        heightIn: 70.1,
      },
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: "Ana",
      timeZone: "Europe/Prague",
      units: "imperial",
      waterGoalMl: 3000,
    });
    expect(Math.round((response.json().heightCm / 2.54) * 10) / 10).toBe(70.1);
  });

  it("rejects role, email and flags in a patch", async () => {
    const user = await login();

    for (const payload of [
      { role: "admin" },
      { email: "x@example.test" },
      { emailVerified: true },
      { name: "A", role: "admin" },
    ]) {
      const response = await subject.app.inject({
        method: "PATCH",
        url: "/api/v1/me",
        headers: bearer(user.accessToken),
        payload,
      });

      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });
    expect(me.json().role).toBe("user");
    expect(me.json().name).toBeNull();
  });

  it("rejects an unknown time zone", async () => {
    const user = await login();

    const response = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
      payload: { timeZone: "Mars/Olympus" },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe("timeZone");
  });

  it("requires a token", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/me" });

    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toContain("Bearer");
  });

  it("lists sessions and revokes one", async () => {
    const user = await login();
    const second = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: {
        "x-client-type": "native",
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0",
      },
      payload: { email: user.email, password: user.password },
    });

    const list = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/sessions",
      headers: bearer(user.accessToken),
    });
    const other = list.json().items.find((item: { current: boolean }) => !item.current);
    const revoke = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/me/sessions/${other.id}`,
      headers: bearer(user.accessToken),
    });
    const refresh = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken: second.json().refreshToken },
    });

    expect(list.json().items).toHaveLength(2);
    expect(list.json().items.filter((item: { current: boolean }) => item.current)).toHaveLength(1);
    expect(other.deviceLabel).toBe("Firefox on Linux");
    expect(revoke.statusCode).toBe(204);
    expect(refresh.statusCode).toBe(401);
  });

  it("hides other users' sessions", async () => {
    const owner = await login();
    const stranger = await login();
    const list = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/sessions",
      headers: bearer(owner.accessToken),
    });

    const response = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/me/sessions/${list.json().items[0].id}`,
      headers: bearer(stranger.accessToken),
    });

    expect(response.statusCode).toBe(404);
  });

  it("pages the audit log newest first", async () => {
    const user = await login();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      (subject.clock as ManualClock).advance(2_000);
      await subject.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: user.email, password: "wrong-Password-9" },
      });
    }

    const first = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/audit?limit=2",
      headers: bearer(user.accessToken),
    });
    const second = await subject.app.inject({
      method: "GET",
      url: `/api/v1/me/audit?limit=2&cursor=${first.json().nextCursor}`,
      headers: bearer(user.accessToken),
    });
    const bad = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/audit?cursor=garbage",
      headers: bearer(user.accessToken),
    });

    expect(first.json().items.map((item: { event: string }) => item.event)).toEqual([
      "auth.login.failed",
      "auth.login.failed",
    ]);
    expect(second.json().items[0].event).toBe("auth.login.failed");
    expect(second.json().items[1].event).toBe("auth.login.succeeded");
    expect(bad.statusCode).toBe(400);
  });
});
