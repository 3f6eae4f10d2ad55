import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import {
  bearer,
  mailedToken,
  registerAndLogin,
  STRONG_PASSWORD,
  uniqueEmail,
} from "../../../test/helpers/auth";

describe("auth flow", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it("registers, verifies, logs in and refreshes", async () => {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());

    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: user.email, emailVerified: true, restrictions: [] });

    const refreshed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken: user.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().refreshToken).not.toBe(user.refreshToken);
  });

  it("resets a forgotten password once", async () => {
    const email = uniqueEmail();
    await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain(), { email });

    const forgot = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email },
    });
    expect(forgot.statusCode).toBe(202);
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, email, "/reset-password");

    const reset = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token, password: `${STRONG_PASSWORD}-new` },
    });
    const again = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token, password: `${STRONG_PASSWORD}-other` },
    });

    expect(reset.statusCode).toBe(204);
    expect(again.statusCode).toBe(400);
    expect(again.json().type).toBe("/problems/invalid-token");
  });
});
