import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, mailedToken, registerAndLogin, STRONG_PASSWORD } from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";
import { idempotencyKeys } from "../../platform/idempotency/idempotency.tables";
import { users } from "../accounts/accounts.tables";
import { auditEvents } from "../audit/audit.tables";
import { totpCodeAt } from "../two-factor/totp";

const LOGIN = "/api/v1/auth/login";
const NATIVE = { "x-client-type": "native" };
const WRONG = "wrong-Password-guess-1";

// Attacks that send many requests at once, where checks made before and effects recorded after
// a slow password or code check could let more guesses through than the rules allow.
describe("attack resistance", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    subject = await createTestApp({ env: { RATE_LIMIT_ACCOUNT_MAIL: "3/hour" } });
    clock = subject.clock as ManualClock;
  });
  afterAll(async () => {
    await subject.close();
  });

  function createUser() {
    return registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain());
  }

  async function auditCount(userEmail: string, event: string): Promise<number> {
    const db = subject.deps.database.db;
    const user = (await db.select().from(users).where(eq(users.email, userEmail)))[0]!;
    const rows = await db
      .select({ total: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.userId, user.id), eq(auditEvents.event, event)));
    return rows[0]!.total;
  }

  it("checks at most five passwords of a parallel burst", async () => {
    const user = await createUser();
    clock.advance(2_000);

    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        subject.app.inject({
          method: "POST",
          url: LOGIN,
          payload: { email: user.email, password: WRONG },
        }),
      ),
    );
    const right = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: user.email, password: user.password },
    });

    expect(responses.every((response) => response.statusCode === 401)).toBe(true);
    expect(await auditCount(user.email, "auth.login.failed")).toBeLessThanOrEqual(5);
    expect(right.statusCode).toBe(401);
  });

  it("checks at most five codes of a parallel burst", async () => {
    const user = await createUser();
    const setup = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/setup",
      headers: bearer(user.accessToken),
    });
    const secret = setup.json().secret as string;
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/enable",
      headers: bearer(user.accessToken),
      payload: { code: totpCodeAt(secret, clock.now()) },
    });
    clock.advance(60_000);
    const login = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: NATIVE,
      payload: { email: user.email, password: user.password },
    });
    const mfaToken = login.json().mfaToken as string;

    const wrongCodes = Array.from({ length: 25 }, (_, index) => String(100000 + index));
    const responses = await Promise.all(
      wrongCodes.map((code) =>
        subject.app.inject({
          method: "POST",
          url: "/api/v1/auth/login/2fa",
          payload: { mfaToken, code },
        }),
      ),
    );
    const right = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login/2fa",
      payload: { mfaToken, code: totpCodeAt(secret, clock.now()) },
    });
    await subject.deps.jobs.drain();

    expect(responses.every((response) => response.statusCode === 401)).toBe(true);
    expect(await auditCount(user.email, "auth.mfa.failed")).toBeLessThanOrEqual(5);
    expect(right.statusCode).toBe(401);
    const alerts = subject.logs.lines.filter(
      (line) =>
        line.to === user.email && String(line.subject).includes("two-factor code was wrong"),
    );
    expect(alerts).toHaveLength(1);
  });

  it("stops wrong codes across logins after ten an hour", async () => {
    const user = await createUser();
    const setup = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/setup",
      headers: bearer(user.accessToken),
    });
    const secret = setup.json().secret as string;
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/enable",
      headers: bearer(user.accessToken),
      payload: { code: totpCodeAt(secret, clock.now()) },
    });
    clock.advance(60_000);

    for (let attempt = 0; attempt < 10; attempt += 1) {
      const login = await subject.app.inject({
        method: "POST",
        url: LOGIN,
        payload: { email: user.email, password: user.password },
      });
      await subject.app.inject({
        method: "POST",
        url: "/api/v1/auth/login/2fa",
        payload: { mfaToken: login.json().mfaToken, code: "000000" },
      });
    }
    const login = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: user.email, password: user.password },
    });
    const right = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login/2fa",
      payload: { mfaToken: login.json().mfaToken, code: totpCodeAt(secret, clock.now()) },
    });
    const knownDevice = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: NATIVE,
      payload: { email: user.email, password: user.password, deviceToken: user.deviceToken },
    });
    const fromKnownDevice = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login/2fa",
      headers: NATIVE,
      payload: { mfaToken: knownDevice.json().mfaToken, code: totpCodeAt(secret, clock.now()) },
    });

    expect(right.statusCode).toBe(401);
    expect(right.json().detail).toContain("Too many wrong codes for this account");
    expect(fromKnownDevice.statusCode).toBe(200);
  });

  it("turning 2FA on ends other sessions", async () => {
    const user = await createUser();
    const other = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: NATIVE,
      payload: { email: user.email, password: user.password },
    });
    const setup = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/setup",
      headers: bearer(user.accessToken),
    });

    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/enable",
      headers: bearer(user.accessToken),
      payload: { code: totpCodeAt(setup.json().secret, clock.now()) },
    });

    expect(
      (
        await subject.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: bearer(other.json().accessToken),
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await subject.app.inject({
          method: "GET",
          url: "/api/v1/me",
          headers: bearer(user.accessToken),
        })
      ).statusCode,
    ).toBe(200);
  });

  it("sends at most three reset mails to a parallel burst", async () => {
    const user = await createUser();
    clock.advance(3_600_000);

    await Promise.all(
      Array.from({ length: 20 }, () =>
        subject.app.inject({
          method: "POST",
          url: "/api/v1/auth/password/forgot",
          payload: { email: user.email },
        }),
      ),
    );
    await subject.deps.jobs.drain();

    const mails = subject.logs.lines.filter(
      (line) => line.to === user.email && line.template === "password-reset",
    );
    expect(mails).toHaveLength(3);
  });

  it("trusts the browser that used a reset link", async () => {
    const user = await createUser();
    clock.advance(3_600_000);
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email: user.email },
    });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/reset-password");

    const reset = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token, password: `${STRONG_PASSWORD}-trusted` },
    });
    const deviceCookie = ([] as string[])
      .concat(reset.headers["set-cookie"] ?? [])
      .find((value) => value.startsWith("fc_device="));
    for (let attempt = 0; attempt < 8; attempt += 1) {
      clock.advance(2_000);
      await subject.app.inject({
        method: "POST",
        url: LOGIN,
        payload: { email: user.email, password: WRONG },
      });
    }
    const stranger = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: user.email, password: `${STRONG_PASSWORD}-trusted` },
    });
    const owner = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers: { cookie: deviceCookie!.split(";")[0]! },
      payload: { email: user.email, password: `${STRONG_PASSWORD}-trusted` },
    });

    expect(reset.statusCode).toBe(204);
    expect(deviceCookie).toContain("HttpOnly");
    expect(stranger.statusCode).toBe(401);
    expect(owner.statusCode).toBe(200);
  });

  it("lifts the hourly ceiling with a password reset", async () => {
    const user = await createUser();
    const db = subject.deps.database.db;
    const stored = (await db.select().from(users).where(eq(users.email, user.email)))[0]!;
    clock.advance(1_000);
    await db.insert(auditEvents).values(
      Array.from({ length: 100 }, () => ({
        userId: stored.id,
        event: "auth.login.failed",
        createdAt: clock.now(),
      })),
    );
    clock.advance(1_000);
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email: user.email },
    });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/reset-password");
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/reset",
      payload: { token, password: `${STRONG_PASSWORD}-after` },
    });
    clock.advance(1_000);

    const login = await subject.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: user.email, password: `${STRONG_PASSWORD}-after` },
    });

    expect(login.statusCode).toBe(200);
  });

  it("never stores requests that carry secrets for replay", async () => {
    const user = await createUser();

    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/2fa/setup",
      headers: { ...bearer(user.accessToken), "idempotency-key": "setup-key-1" },
    });
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/email",
      headers: { ...bearer(user.accessToken), "idempotency-key": "email-key-1" },
      payload: { password: user.password, newEmail: "other-address@example.test" },
    });
    const water = await subject.app.inject({
      method: "POST",
      url: "/api/v1/water",
      headers: { ...bearer(user.accessToken), "idempotency-key": "water-key-1" },
      payload: { date: clock.now().toISOString().slice(0, 10), ml: 250 },
    });

    const stored = await subject.deps.database.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys);
    const keys = stored.map((row) => row.key);
    expect(water.statusCode).toBe(201);
    expect(keys).toContain("water-key-1");
    expect(keys).not.toContain("setup-key-1");
    expect(keys).not.toContain("email-key-1");
  });
});
