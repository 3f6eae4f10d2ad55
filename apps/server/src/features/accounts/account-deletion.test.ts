import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { accountsUserId, call, signIn } from "../../../test/helpers/tracking";
import { auditEvents } from "../audit/audit.tables";
import { waterEntries } from "../water/water.tables";
import { workouts } from "../workouts/workouts.tables";
import { users } from "./accounts.tables";

const DAY_MS = 86_400_000;

describe("account deletion", () => {
  let subject: TestApp;
  let clock: ManualClock;
  const dataDir = `/tmp/fitcoach-deletion-${process.pid}`;

  beforeAll(async () => {
    clock = new ManualClock("2026-06-01T08:00:00Z");
    subject = await createTestApp({ clock, env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await subject.close();
  });

  async function login(email: string, password: string): Promise<number> {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "x-client-type": "native" },
      payload: { email, password },
    });
    return response.statusCode;
  }

  it("disables at once and purges after the grace period", async () => {
    const user = await signIn(subject);
    const userId = await accountsUserId(subject, user);
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-06-01", ml: 500 });
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-06-01",
      durationMin: 20,
      intensity: 2,
    });
    const uploads = path.join(dataDir, "uploads", userId);
    mkdirSync(uploads, { recursive: true });
    writeFileSync(path.join(uploads, "photo.webp"), "x");

    const deleted = await call(subject, user, "DELETE", "/api/v1/me", { password: user.password });
    const afterwards = await call(subject, user, "GET", "/api/v1/me");
    clock.advance(6 * DAY_MS);
    await subject.app.services.accountDeletion.purgeDue();
    const stillThere = await subject.deps.database.db
      .select()
      .from(users)
      .where(eq(users.id, userId));
    clock.advance(DAY_MS + 1);
    await subject.app.scheduler.tick();
    const ran = await subject.deps.jobs.drain();

    expect(deleted.status).toBe(202);
    expect(deleted.body.deletionDueAt).toBe("2026-06-08T08:00:00.000Z");
    expect(afterwards.status).toBe(401);
    expect(stillThere).toHaveLength(1);
    expect(stillThere[0]!.disabledAt).not.toBeNull();
    expect(ran).toBeGreaterThan(0);
    const db = subject.deps.database.db;
    expect(await db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    expect(await db.select().from(waterEntries).where(eq(waterEntries.userId, userId))).toEqual([]);
    expect(await db.select().from(workouts).where(eq(workouts.userId, userId))).toEqual([]);
    expect(existsSync(uploads)).toBe(false);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    const record = audit.find((event) => event.event === "account.deleted");
    expect(record?.metadata).toEqual({ requestedAt: "2026-06-01T08:00:00.000Z", graceDays: 7 });
    expect(audit.some((event) => event.event === "account.deletion.requested")).toBe(true);
    expect(await login(user.email, user.password)).toBe(401);
  });

  it("is cancelled by logging in during the grace period", async () => {
    const user = await signIn(subject);
    const userId = await accountsUserId(subject, user);
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-06-08", ml: 250 });

    await call(subject, user, "DELETE", "/api/v1/me", { password: user.password });
    clock.advance(2 * DAY_MS);
    const status = await login(user.email, user.password);
    clock.advance(10 * DAY_MS);
    const purged = await subject.app.services.accountDeletion.purgeDue();

    expect(status).toBe(200);
    expect(purged).toBe(0);
    const rows = await subject.deps.database.db.select().from(users).where(eq(users.id, userId));
    expect(rows[0]!.deletionDueAt).toBeNull();
    expect(rows[0]!.disabledAt).toBeNull();
    const water = await subject.deps.database.db
      .select()
      .from(waterEntries)
      .where(eq(waterEntries.userId, userId));
    expect(water).toHaveLength(1);
  });

  it("needs the right password", async () => {
    const user = await signIn(subject);

    const wrong = await call(subject, user, "DELETE", "/api/v1/me", {
      password: "not-the-password",
    });
    const missing = await call(subject, user, "DELETE", "/api/v1/me", {});
    const me = await call(subject, user, "GET", "/api/v1/me");

    expect(wrong.status).toBe(403);
    expect(missing.status).toBe(400);
    expect(me.status).toBe(200);
  });
});
