import { eq, sql } from "drizzle-orm";

import { users } from "../../src/features/accounts/accounts.tables";
import { reminderDeliveries } from "../../src/features/reminders/reminders.tables";
import type { ManualClock } from "../../src/platform/clock";
import { rowsOf } from "../../src/platform/database";
import type { TestApp } from "./app";
import { bearer, registerAndLogin } from "./auth";
import type { RegisteredUser } from "./auth";

export interface ReminderUser extends RegisteredUser {
  id: string;
}

/**
 * Registers a user with a verified email address in a time zone. The address is marked verified
 * in the database, because apps that mail through an SMTP peer log no verification link.
 */
export async function createReminderUser(
  subject: TestApp,
  options: { timeZone?: string } = {},
): Promise<ReminderUser> {
  const user = await registerAndLogin(
    subject.app,
    subject.logs,
    () => subject.deps.jobs.runOnce(),
    {
      verify: false,
    },
  );
  const db = subject.deps.database.db;
  const rows = await db
    .update(users)
    .set({ emailVerifiedAt: subject.clock.now(), timeZone: options.timeZone ?? "UTC" })
    .where(eq(users.email, user.email))
    .returning({ id: users.id });
  return { ...user, id: rows[0]!.id };
}

/** Creates a reminder rule through the API and returns its id. */
export async function createRule(
  subject: TestApp,
  user: ReminderUser,
  rule: Record<string, unknown>,
): Promise<string> {
  const response = await subject.app.inject({
    method: "POST",
    url: "/api/v1/reminders/rules",
    headers: bearer(user.accessToken),
    payload: rule,
  });
  if (response.statusCode !== 201) {
    throw new Error(`creating a rule failed: ${response.statusCode} ${response.body}`);
  }
  return (response.json() as { id: string }).id;
}

/** Runs jobs on every instance at once until none of them finds a due job. */
export async function runJobsUntilIdle(instances: TestApp[]): Promise<number[]> {
  const totals = instances.map(() => 0);
  for (;;) {
    const counts = await Promise.all(instances.map((instance) => instance.deps.jobs.runOnce()));
    counts.forEach((count, index) => (totals[index]! += count));
    if (counts.every((count) => count === 0)) return totals;
  }
}

/**
 * Moves the clock from its current time to `until` in steps, and at each step lets the periodic
 * scheduler queue its jobs and the worker run everything due, as a running server would.
 */
export async function walkClock(
  subject: TestApp,
  clock: ManualClock,
  until: string,
  stepMinutes = 15,
): Promise<void> {
  const end = new Date(until).getTime();
  while (clock.now().getTime() < end) {
    clock.advance(stepMinutes * 60_000);
    await subject.app.scheduler.tick();
    await runJobsUntilIdle([subject]);
  }
}

export interface DeliveryRecord {
  sourceKey: string;
  status: string;
  reason: string | null;
  sentAt: string | null;
}

export async function deliveriesOf(subject: TestApp, userId: string): Promise<DeliveryRecord[]> {
  const rows = await subject.deps.database.db
    .select()
    .from(reminderDeliveries)
    .where(eq(reminderDeliveries.userId, userId))
    .orderBy(reminderDeliveries.slotAt, reminderDeliveries.sourceKey);
  return rows.map((row) => ({
    sourceKey: row.sourceKey,
    status: row.status,
    reason: row.reason,
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}

/** Number of in-app notifications a user has. */
export async function notificationCount(subject: TestApp, userId: string): Promise<number> {
  const result = await subject.deps.database.db.execute(
    sql`select count(*)::int as total from notifications where user_id = ${userId}`,
  );
  return rowsOf<{ total: number }>(result)[0]!.total;
}
