import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import type { RegisteredUser } from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";
import { totpCodeAt } from "./totp";

const NATIVE = { "x-client-type": "native" };
const STEP_MS = 30_000;

describe("two-factor authentication", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    subject = await createTestApp();
    clock = subject.clock as ManualClock;
    // Codes are checked against the step the clock is in; start at a step boundary.
    clock.set(new Date(Math.ceil(Date.now() / STEP_MS) * STEP_MS + 1_000));
  });
  afterAll(async () => {
    await subject.close();
  });

  function post(url: string, token: string | null, payload?: object) {
    return subject.app.inject({
      method: "POST",
      url,
      headers: { ...NATIVE, ...(token ? bearer(token) : {}) },
      payload,
    });
  }

  async function enableTwoFactor(): Promise<{
    user: RegisteredUser;
    secret: string;
    recoveryCodes: string[];
  }> {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
    const setup = await post("/api/v1/me/2fa/setup", user.accessToken);
    const secret = setup.json().secret as string;
    const enable = await post("/api/v1/me/2fa/enable", user.accessToken, {
      code: totpCodeAt(secret, clock.now()),
    });
    return { user, secret, recoveryCodes: enable.json().recoveryCodes };
  }

  async function passwordStep(user: RegisteredUser): Promise<string> {
    const response = await post("/api/v1/auth/login", null, {
      email: user.email,
      password: user.password,
    });
    expect(response.json().mfaRequired).toBe(true);
    return response.json().mfaToken;
  }

  it("sets up with a QR code and ten recovery codes", async () => {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());

    const setup = await post("/api/v1/me/2fa/setup", user.accessToken);
    const secret = setup.json().secret as string;
    const enable = await post("/api/v1/me/2fa/enable", user.accessToken, {
      code: totpCodeAt(secret, clock.now()),
    });
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });

    expect(setup.statusCode).toBe(200);
    expect(setup.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/FitCoach:/);
    expect(setup.json().qrCode).toMatch(/^data:image\/png;base64,/);
    expect(enable.statusCode).toBe(200);
    expect(enable.json().recoveryCodes).toHaveLength(10);
    expect(new Set(enable.json().recoveryCodes).size).toBe(10);
    expect(me.json().twoFactorEnabled).toBe(true);
  });

  it("needs a fresh login to start setup", async () => {
    const user = await registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());

    clock.advance(16 * 60_000);
    const refreshed = await post("/api/v1/auth/refresh", null, { refreshToken: user.refreshToken });
    const stale = await post("/api/v1/me/2fa/setup", refreshed.json().accessToken);
    const reauth = await post("/api/v1/auth/reauthenticate", refreshed.json().accessToken, {
      password: user.password,
    });
    const fresh = await post("/api/v1/me/2fa/setup", refreshed.json().accessToken);

    expect(stale.statusCode).toBe(401);
    expect(stale.json().type).toBe("/problems/reauthentication-required");
    expect(stale.json().reason).toBe("reauthentication");
    expect(reauth.statusCode).toBe(204);
    expect(fresh.statusCode).toBe(200);
  });

  it("logs in with a code and refuses its replay", async () => {
    const { user, secret } = await enableTwoFactor();
    clock.advance(STEP_MS);
    const code = totpCodeAt(secret, clock.now());

    const first = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      code,
    });
    const replay = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      code,
    });

    expect(first.statusCode).toBe(200);
    expect(typeof first.json().accessToken).toBe("string");
    expect(replay.statusCode).toBe(401);
    expect(replay.json().type).toBe("/problems/mfa-failed");
  });

  it("refuses a code from an earlier step than the last used", async () => {
    const { user, secret } = await enableTwoFactor();
    const earlier = totpCodeAt(secret, clock.now());
    clock.advance(STEP_MS);

    const latest = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      code: totpCodeAt(secret, clock.now()),
    });
    const older = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      code: earlier,
    });

    expect(latest.statusCode).toBe(200);
    expect(older.statusCode).toBe(401);
  });

  it("accepts a recovery code once", async () => {
    const { user, recoveryCodes } = await enableTwoFactor();
    const code = recoveryCodes[0]!.toUpperCase();

    const first = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      recoveryCode: code,
    });
    const second = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      recoveryCode: code,
    });

    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(401);
  });

  it("starts the login over after five wrong codes", async () => {
    const { user, secret } = await enableTwoFactor();
    clock.advance(STEP_MS);
    const mfaToken = await passwordStep(user);

    for (let attempt = 0; attempt < 5; attempt += 1) {
      await post("/api/v1/auth/login/2fa", null, { mfaToken, code: "000000" });
    }
    const right = await post("/api/v1/auth/login/2fa", null, {
      mfaToken,
      code: totpCodeAt(secret, clock.now()),
    });

    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toContain("log in with your password again");
  });

  it("lets exactly one of 20 parallel code logins win", async () => {
    const { user, secret } = await enableTwoFactor();
    clock.advance(STEP_MS);
    const code = totpCodeAt(secret, clock.now());
    const tokens = await Promise.all(Array.from({ length: 20 }, () => passwordStep(user)));

    const responses = await Promise.all(
      tokens.map((mfaToken) => post("/api/v1/auth/login/2fa", null, { mfaToken, code })),
    );

    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
  });

  it("lets exactly one of 20 identical requests win", async () => {
    const { user, secret } = await enableTwoFactor();
    clock.advance(STEP_MS);
    const code = totpCodeAt(secret, clock.now());
    const mfaToken = await passwordStep(user);

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post("/api/v1/auth/login/2fa", null, { mfaToken, code })),
    );

    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
  });

  it("needs password and code to turn off", async () => {
    const { user, secret } = await enableTwoFactor();
    clock.advance(STEP_MS);

    const noCode = await post("/api/v1/me/2fa/disable", user.accessToken, {
      password: user.password,
    });
    const wrongPassword = await post("/api/v1/me/2fa/disable", user.accessToken, {
      password: "wrong-password-1",
      code: totpCodeAt(secret, clock.now()),
    });
    const right = await post("/api/v1/me/2fa/disable", user.accessToken, {
      password: user.password,
      code: totpCodeAt(secret, clock.now()),
    });
    const login = await post("/api/v1/auth/login", null, {
      email: user.email,
      password: user.password,
    });

    expect(noCode.statusCode).toBe(400);
    expect(wrongPassword.statusCode).toBe(403);
    expect(right.statusCode).toBe(204);
    expect(login.json().accessToken).toBeDefined();
  });

  it("replaces recovery codes and voids the old set", async () => {
    const { user, secret, recoveryCodes } = await enableTwoFactor();
    clock.advance(STEP_MS);

    const replaced = await post("/api/v1/me/2fa/recovery-codes", user.accessToken, {
      password: user.password,
      code: totpCodeAt(secret, clock.now()),
    });
    const oldCode = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      recoveryCode: recoveryCodes[1]!,
    });
    const newCode = await post("/api/v1/auth/login/2fa", null, {
      mfaToken: await passwordStep(user),
      recoveryCode: replaced.json().recoveryCodes[0],
    });

    expect(replaced.statusCode).toBe(200);
    expect(oldCode.statusCode).toBe(401);
    expect(newCode.statusCode).toBe(200);
  });

  it("keeps the secret encrypted at rest", async () => {
    const { user, secret } = await enableTwoFactor();
    const rows = await subject.deps.database.db.query.users.findMany();
    const row = rows.find((candidate) => candidate.email === user.email)!;

    expect(row.totpSecretEncrypted).toMatch(/^v1\./);
    expect(row.totpSecretEncrypted).not.toContain(secret);
  });
});
