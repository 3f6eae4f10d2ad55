import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, TEST_REDIS_URL } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import {
  bearer,
  mailedToken,
  registerAndLogin,
  STRONG_PASSWORD,
  uniqueEmail,
} from "../../../test/helpers/auth";
import type { ManualClock } from "../../platform/clock";
import { users } from "../accounts/accounts.tables";
import { auditEvents } from "../audit/audit.tables";

const LOGIN = "/api/v1/auth/login";
const NATIVE = { "x-client-type": "native" };
const WRONG = "wrong-Password-guess-1";

// Headers that legitimately differ between two otherwise equal responses.
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

describe("password login", () => {
  let subject: TestApp;
  let clock: ManualClock;

  beforeAll(async () => {
    subject = await createTestApp();
    clock = subject.clock as ManualClock;
  });
  afterAll(async () => {
    await subject.close();
  });

  function login(
    email: string,
    password: string,
    extra: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) {
    return subject.app.inject({
      method: "POST",
      url: LOGIN,
      headers,
      payload: { email, password, ...extra },
    });
  }

  function createUser(options: { password?: string } = {}) {
    return registerAndLogin(subject.app, subject.logs, () => subject.deps.jobs.drain(), options);
  }

  async function lockAccount(email: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      clock.advance(2_000);
      await login(email, WRONG);
    }
  }

  it("answers unknown, wrong and locked alike", async () => {
    const wrongUser = await createUser();
    const lockedUser = await createUser();
    await lockAccount(lockedUser.email);
    clock.advance(2_000);

    const unknown = await login(uniqueEmail("ghost"), WRONG);
    clock.advance(2_000);
    const wrong = await login(wrongUser.email, WRONG);
    clock.advance(2_000);
    const locked = await login(lockedUser.email, lockedUser.password);

    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(locked.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(locked.body).toBe(unknown.body);
    expect(comparableHeaders(wrong.headers)).toEqual(comparableHeaders(unknown.headers));
    expect(comparableHeaders(locked.headers)).toEqual(comparableHeaders(unknown.headers));
  });

  it("runs a full hash comparison for unknown and locked accounts", async () => {
    const lockedUser = await createUser();
    await lockAccount(lockedUser.email);
    const before = subject.app.services.hasher.comparisons;

    await login(uniqueEmail("ghost"), WRONG);
    await login(lockedUser.email, lockedUser.password);

    expect(subject.app.services.hasher.comparisons - before).toBe(2);
  });

  it("locks after five failures and mails an unlock link", async () => {
    const user = await createUser();

    await lockAccount(user.email);
    await subject.deps.jobs.drain();
    const blocked = await login(user.email, user.password);
    const token = mailedToken(subject.logs, user.email, "/unlock");
    const unlock = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/unlock",
      payload: { token },
    });
    const afterUnlock = await login(user.email, user.password);
    const reused = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/unlock",
      payload: { token },
    });

    expect(blocked.statusCode).toBe(401);
    expect(unlock.statusCode).toBe(204);
    expect(afterUnlock.statusCode).toBe(200);
    expect(reused.statusCode).toBe(400);
    const events = await subject.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.event, "auth.account.locked"));
    expect(events.length).toBeGreaterThan(0);
  });

  it("lets exactly one of 20 parallel unlocks win", async () => {
    const user = await createUser();
    await lockAccount(user.email);
    await subject.deps.jobs.drain();
    const token = mailedToken(subject.logs, user.email, "/unlock");

    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        subject.app.inject({ method: "POST", url: "/api/v1/auth/unlock", payload: { token } }),
      ),
    );

    expect(responses.filter((response) => response.statusCode === 204)).toHaveLength(1);
    expect(responses.filter((response) => response.statusCode === 400)).toHaveLength(19);
  });

  it("lifts a lock when it expires and escalates the next", async () => {
    const user = await createUser();

    await lockAccount(user.email);
    const firstLock = (
      await subject.deps.database.db.select().from(users).where(eq(users.email, user.email))
    )[0]!;
    clock.advance(61_000);
    await lockAccount(user.email);
    const secondLock = (
      await subject.deps.database.db.select().from(users).where(eq(users.email, user.email))
    )[0]!;
    clock.advance(121_000);
    const afterSecond = await login(user.email, user.password);

    expect(firstLock.lockLevel).toBe(1);
    expect(secondLock.lockLevel).toBe(2);
    expect(secondLock.lockedUntil!.getTime() - clock.now().getTime()).toBeLessThanOrEqual(0);
    expect(afterSecond.statusCode).toBe(200);
  });

  it("lets a known device in during an attack", async () => {
    const user = await createUser();

    for (let attempt = 0; attempt < 8; attempt += 1) {
      clock.advance(2_000);
      await login(user.email, WRONG, {}, { ...NATIVE });
    }
    const attacker = await login(user.email, user.password, {}, NATIVE);
    const owner = await login(user.email, user.password, { deviceToken: user.deviceToken }, NATIVE);

    expect(attacker.statusCode).toBe(401);
    expect(owner.statusCode).toBe(200);
  });

  it("lets a password reset clear a lock", async () => {
    const user = await createUser();
    await lockAccount(user.email);

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
      payload: { token, password: `${STRONG_PASSWORD}-reset` },
    });
    const afterReset = await login(user.email, `${STRONG_PASSWORD}-reset`);

    expect(reset.statusCode).toBe(204);
    expect(afterReset.statusCode).toBe(200);
  });

  it("adds a wait after two rapid failures", async () => {
    const user = await createUser();

    await login(user.email, WRONG);
    await login(user.email, WRONG);
    const right = await login(user.email, user.password);
    clock.advance(61_000);
    const later = await login(user.email, user.password);

    expect(right.statusCode).toBe(401);
    expect(later.statusCode).toBe(200);
  });

  it("refuses unknown devices past the hourly ceiling", async () => {
    const user = await createUser();
    clock.advance(1_000);
    const rows = Array.from({ length: 100 }, () => ({
      userId: null as string | null,
      event: "auth.login.failed",
      createdAt: clock.now(),
    }));
    const stored = await subject.deps.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, user.email));
    await subject.deps.database.db
      .insert(auditEvents)
      .values(rows.map((row) => ({ ...row, userId: stored[0]!.id })));

    const blocked = await login(user.email, user.password);
    const known = await login(user.email, user.password, { deviceToken: user.deviceToken }, NATIVE);
    clock.advance(3_601_000);
    const nextHour = await login(user.email, user.password);

    expect(blocked.statusCode).toBe(401);
    expect(known.statusCode).toBe(200);
    expect(nextHour.statusCode).toBe(200);
  });

  it("uses every character of a long password", async () => {
    const long = `${"correct-horse-".repeat(6)}battery-staple-extra-tail!`;
    const user = await createUser({ password: long });
    const firstBytes = long.slice(0, 72);

    const full = await login(user.email, long);
    const truncated = await login(user.email, firstBytes);

    expect(Buffer.byteLength(long)).toBeGreaterThanOrEqual(100);
    expect(full.statusCode).toBe(200);
    expect(truncated.statusCode).toBe(401);
  });

  it("normalises passwords to NFKC", async () => {
    const composed = "Ｆｕｌｌｗｉｄｔｈ-plum-Harbor-58";
    const user = await createUser({ password: composed });

    const ascii = await login(user.email, "Fullwidth-plum-Harbor-58");

    expect(ascii.statusCode).toBe(200);
  });

  it("mails a notice when a new device logs in", async () => {
    const user = await createUser();

    await login(user.email, user.password, {}, NATIVE);
    await subject.deps.jobs.drain();

    const notice = subject.logs.find(
      (line) => line.to === user.email && line.template === "security-notice",
    );
    expect(notice).toBeDefined();
  });

  it("marks unverified accounts in /me", async () => {
    const user = await registerAndLogin(
      subject.app,
      subject.logs,
      () => subject.deps.jobs.drain(),
      { verify: false },
    );

    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
    });

    expect(me.json().emailVerified).toBe(false);
    expect(me.json().restrictions).toContain("export-data");
  });
});

describe("login rate limit", () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      RATE_LIMIT_LOGIN: "10/minute",
      REDIS_KEY_PREFIX: `test-shared-${Date.now()}:`,
    };
    first = await createTestApp({ env });
    second = await createTestApp({ env, databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("shares the 10 per minute limit across instances", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const app = attempt % 2 === 0 ? first.app : second.app;
      const response = await app.inject({
        method: "POST",
        url: LOGIN,
        payload: { email: uniqueEmail(), password: WRONG },
      });
      statuses.push(response.statusCode);
    }
    const eleventh = await first.app.inject({
      method: "POST",
      url: LOGIN,
      payload: { email: uniqueEmail(), password: WRONG },
    });

    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().type).toBe("/problems/rate-limited");
    expect(Number(eleventh.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("groups IPv6 clients by /64", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await second.app.inject({
        method: "POST",
        url: LOGIN,
        remoteAddress: `2001:db8:1:2::${attempt + 1}`,
        payload: { email: uniqueEmail(), password: WRONG },
      });
      statuses.push(response.statusCode);
    }
    const otherNetwork = await second.app.inject({
      method: "POST",
      url: LOGIN,
      remoteAddress: "2001:db8:1:3::1",
      payload: { email: uniqueEmail(), password: WRONG },
    });

    expect(statuses.at(-1)).toBe(429);
    expect(otherNetwork.statusCode).toBe(401);
  });
});
