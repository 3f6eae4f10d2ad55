import { eq } from "drizzle-orm";
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
import { freePort, mailText, SmtpPeer } from "../../../test/helpers/smtp-peer";
import type { ManualClock } from "../../platform/clock";
import { jobs } from "../../platform/jobs/jobs.tables";
import { users } from "../accounts/accounts.tables";

const VARYING_HEADERS = new Set([
  "x-request-id",
  "date",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-ratelimit-limit",
]);

function comparableHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !VARYING_HEADERS.has(name)));
}

describe("account recovery", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    subject = await createTestApp({ env: { RATE_LIMIT_ACCOUNT_MAIL: "3/hour" } });
    clock = subject.clock as ManualClock;
  });
  afterAll(async () => {
    await subject.close();
  });

  function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
    return subject.app.inject({ method: "POST", url, payload: payload as object, headers });
  }

  function createUser(options: { verify?: boolean } = {}) {
    return registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain(), options);
  }

  it.each([
    [
      "register",
      "/api/v1/auth/register",
      (email: string) => ({ email, password: STRONG_PASSWORD }),
    ],
    ["resend", "/api/v1/auth/verify-email/resend", (email: string) => ({ email })],
    ["forgot", "/api/v1/auth/password/forgot", (email: string) => ({ email })],
  ])("answers %s alike for taken and new addresses", async (_name, url, body) => {
    const existing = await createUser({ verify: false });

    const known = await post(url, body(existing.email));
    const unknown = await post(url, body(uniqueEmail("new")));

    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(comparableHeaders(known.headers)).toEqual(comparableHeaders(unknown.headers));
  });

  it("mails the owner when their address registers again", async () => {
    const user = await createUser();

    await post("/api/v1/auth/register", { email: user.email, password: STRONG_PASSWORD });
    await subject.deps.jobs.drain();

    expect(
      subject.logs.find(
        (line) => line.to === user.email && line.template === "registration-attempt",
      ),
    ).toBeDefined();
  });

  it("refuses weak and common passwords with a reason", async () => {
    for (const password of ["password123", "qwertyuiop", "12345678"]) {
      const response = await post("/api/v1/auth/register", { email: uniqueEmail(), password });

      expect(response.statusCode, password).toBe(400);
      expect(response.json().type).toBe("/problems/weak-password");
      expect(response.json().errors[0].field).toBe("password");
    }
  });

  it("refuses a password built from the email", async () => {
    const response = await post("/api/v1/auth/register", {
      email: "anastasia.kowalczyk@example.test",
      password: "anastasiakowalczyk",
    });

    expect(response.statusCode).toBe(400);
  });

  it("rejects passwords outside 8 to 128 characters", async () => {
    const short = await post("/api/v1/auth/register", {
      email: uniqueEmail(),
      password: "Ab1!xyz",
    });
    const long = await post("/api/v1/auth/register", {
      email: uniqueEmail(),
      password: "a".repeat(129),
    });

    expect(short.statusCode).toBe(400);
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toEqual({
      field: "password",
      message: "Password must have at most 128 characters (it has 129).",
    });
  });

  it("verifies an email once", async () => {
    const email = uniqueEmail();
    await post("/api/v1/auth/register", { email, password: STRONG_PASSWORD });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, email, "/verify-email");

    const first = await post("/api/v1/auth/verify-email", { token });
    const second = await post("/api/v1/auth/verify-email", { token });

    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ emailVerified: true });
    expect(second.statusCode).toBe(400);
  });

  it("voids older verification links", async () => {
    const email = uniqueEmail();
    await post("/api/v1/auth/register", { email, password: STRONG_PASSWORD });
    await subject.deps.jobs.drain();
    const older = mailedToken(subject.logs, email, "/verify-email");
    await post("/api/v1/auth/verify-email/resend", { email });
    await subject.deps.jobs.drain();
    const newer = mailedToken(subject.logs, email, "/verify-email");

    expect(newer).not.toBe(older);
    expect((await post("/api/v1/auth/verify-email", { token: older })).statusCode).toBe(400);
    expect((await post("/api/v1/auth/verify-email", { token: newer })).statusCode).toBe(200);
  });

  it("accepts each link only for its own purpose", async () => {
    const email = uniqueEmail();
    await post("/api/v1/auth/register", { email, password: STRONG_PASSWORD });
    await post("/api/v1/auth/password/forgot", { email });
    await subject.deps.jobs.drain();
    const verifyToken = mailedToken(subject.logs, email, "/verify-email");
    const resetToken = mailedToken(subject.logs, email, "/reset-password");

    const resetAsVerify = await post("/api/v1/auth/verify-email", { token: resetToken });
    const verifyAsReset = await post("/api/v1/auth/password/reset", {
      token: verifyToken,
      password: `${STRONG_PASSWORD}-x`,
    });
    const verifyAsUnlock = await post("/api/v1/auth/unlock", { token: verifyToken });
    const verifyAsEmailChange = await post("/api/v1/auth/confirm-email", { token: verifyToken });
    const resetAsBearer = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(resetToken),
    });

    expect(resetAsVerify.statusCode).toBe(400);
    expect(verifyAsReset.statusCode).toBe(400);
    expect(verifyAsUnlock.statusCode).toBe(400);
    expect(verifyAsEmailChange.statusCode).toBe(400);
    expect(resetAsBearer.statusCode).toBe(401);
    expect((await post("/api/v1/auth/verify-email", { token: verifyToken })).statusCode).toBe(200);
  });

  it("expires reset links after 30 minutes", async () => {
    const user = await createUser();
    await post("/api/v1/auth/password/forgot", { email: user.email });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/reset-password");

    clock.advance(31 * 60_000);
    const response = await post("/api/v1/auth/password/reset", {
      token,
      password: `${STRONG_PASSWORD}-late`,
    });

    expect(response.statusCode).toBe(400);
  });

  it("lets exactly one of 20 parallel resets win", async () => {
    const user = await createUser();
    clock.advance(3_600_000);
    await post("/api/v1/auth/password/forgot", { email: user.email });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/reset-password");

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        post("/api/v1/auth/password/reset", { token, password: `${STRONG_PASSWORD}-${index}` }),
      ),
    );

    expect(responses.filter((response) => response.statusCode === 204)).toHaveLength(1);
    expect(responses.filter((response) => response.statusCode === 400)).toHaveLength(19);
  });

  it("ends every session on reset", async () => {
    const user = await createUser();
    await post("/api/v1/auth/password/forgot", { email: user.email });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/reset-password");

    await post("/api/v1/auth/password/reset", { token, password: `${STRONG_PASSWORD}-after` });
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });

    expect(me.statusCode).toBe(401);
  });

  it("limits reset mails to 3 per account per hour", async () => {
    const user = await createUser();
    clock.advance(3_600_000);
    const before = subject.logs.lines.filter(
      (line) => line.to === user.email && line.template === "password-reset",
    ).length;

    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await post("/api/v1/auth/password/forgot", { email: user.email });
      expect(response.statusCode).toBe(202);
    }
    await subject.deps.jobs.drain();

    const sent = subject.logs.lines.filter(
      (line) => line.to === user.email && line.template === "password-reset",
    ).length;
    expect(sent - before).toBe(3);
  });

  it("changes the password and ends other sessions", async () => {
    const user = await createUser();
    const other = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-client-type": "native" },
      payload: { email: user.email, password: user.password },
    });

    const change = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/change",
      headers: bearer(user.accessToken),
      payload: { currentPassword: user.password, newPassword: `${STRONG_PASSWORD}-changed` },
    });
    const current = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });
    const otherSession = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(other.json().accessToken),
    });

    expect(change.statusCode).toBe(204);
    expect(current.statusCode).toBe(200);
    expect(otherSession.statusCode).toBe(401);
  });

  it("refuses a change with the wrong current password", async () => {
    const user = await createUser();

    const change = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/change",
      headers: bearer(user.accessToken),
      payload: { currentPassword: "not-the-password", newPassword: `${STRONG_PASSWORD}-changed` },
    });

    expect(change.statusCode).toBe(403);
  });

  it("voids a pending email change on reset", async () => {
    const user = await createUser();
    const intruderAddress = uniqueEmail("intruder");
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/email",
      headers: bearer(user.accessToken),
      payload: { password: user.password, newEmail: intruderAddress },
    });
    await subject.deps.jobs.drain();
    const changeToken = mailedToken(subject.logs, intruderAddress, "/confirm-email");

    clock.advance(3_600_000);
    await post("/api/v1/auth/password/forgot", { email: user.email });
    await subject.deps.jobs.drain();
    const resetToken = mailedToken(subject.logs, user.email, "/reset-password");
    await post("/api/v1/auth/password/reset", {
      token: resetToken,
      password: `${STRONG_PASSWORD}-owner`,
    });
    const confirm = await post("/api/v1/auth/confirm-email", { token: changeToken });

    expect(confirm.statusCode).toBe(400);
    const login = await post("/api/v1/auth/login", {
      email: user.email,
      password: `${STRONG_PASSWORD}-owner`,
    });
    expect(login.statusCode).toBe(200);
  });

  it("voids old-address reset after email change", async () => {
    const user = await createUser();
    await post("/api/v1/auth/password/forgot", { email: user.email });
    await subject.deps.jobs.drain();
    const oldAddressReset = mailedToken(subject.logs, user.email, "/reset-password");
    const newEmail = uniqueEmail("moved-on");
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/email",
      headers: bearer(user.accessToken),
      payload: { password: user.password, newEmail },
    });
    await subject.deps.jobs.drain();
    const confirm = await post("/api/v1/auth/confirm-email", {
      token: mailedToken(subject.logs, newEmail, "/confirm-email"),
    });

    const reset = await post("/api/v1/auth/password/reset", {
      token: oldAddressReset,
      password: `${STRONG_PASSWORD}-old-mailbox`,
    });

    expect(confirm.statusCode).toBe(200);
    expect(reset.statusCode).toBe(400);
    const login = await post("/api/v1/auth/login", { email: newEmail, password: user.password });
    expect(login.statusCode).toBe(200);
  });

  it("moves the account to a confirmed new address", async () => {
    const user = await createUser();
    const newEmail = uniqueEmail("moved");

    const request = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/email",
      headers: bearer(user.accessToken),
      payload: { password: user.password, newEmail },
    });
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, newEmail, "/confirm-email");
    const confirm = await post("/api/v1/auth/confirm-email", { token });
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });

    expect(request.statusCode).toBe(202);
    expect(confirm.statusCode).toBe(200);
    expect(me.json().email).toBe(newEmail);
    expect(
      subject.logs.find((line) => line.to === user.email && line.template === "security-notice"),
    ).toBeDefined();
  });
});

describe("mail delivery", () => {
  const peer = new SmtpPeer();
  let subject: TestApp;
  let clock: ManualClock;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    subject = await createTestApp({
      env: {
        ENABLE_EMAIL: "true",
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(port),
        SMTP_SECURITY: "none",
        SMTP_FROM: "FitCoach <no-reply@example.test>",
      },
    });
    clock = subject.clock as ManualClock;
  });
  afterAll(async () => {
    await subject.close();
    await peer.stop();
  });

  it("delivers queued mail once SMTP comes back", async () => {
    const email = uniqueEmail();
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email, password: STRONG_PASSWORD },
    });

    await subject.deps.jobs.drain();
    const pending = await subject.deps.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.kind, "mail.send"));
    await peer.start(port);
    clock.advance(10_000);
    await subject.deps.jobs.drain();

    expect(pending.some((job) => job.lastError !== null && job.completedAt === null)).toBe(true);
    const delivered = peer.to(email);
    expect(delivered).toHaveLength(1);
    const text = mailText(delivered[0]!.raw);
    expect(text).toContain("Subject: Confirm your email address for FitCoach");
    expect(text).toMatch(/http:\/\/localhost:8000\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    const row = (
      await subject.deps.database.db.select().from(users).where(eq(users.email, email))
    )[0];
    expect(row?.emailVerifiedAt).toBeNull();
  });

  it("never writes the link to the log when mail is enabled", async () => {
    const email = uniqueEmail();
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      payload: { email },
    });
    await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { email, password: STRONG_PASSWORD },
    });
    await subject.deps.jobs.drain();

    const text = subject.logs.lines.map((line) => JSON.stringify(line)).join("\n");
    expect(text).not.toMatch(/token=[A-Za-z0-9_-]{20}/);
  });
});
