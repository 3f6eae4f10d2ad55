import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { jobs } from "../../platform/jobs/jobs.tables";
import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer } from "../../../test/helpers/auth";
import {
  createReminderUser,
  createRule,
  deliveriesOf,
  notificationCount,
  runJobsUntilIdle,
  walkClock,
} from "../../../test/helpers/reminders";

describe("reminder timing", () => {
  let subject: TestApp | undefined;

  afterEach(async () => {
    await subject?.close();
    subject = undefined;
  });

  async function start(at: string): Promise<{ subject: TestApp; clock: ManualClock }> {
    const clock = new ManualClock(at);
    subject = await createTestApp({ clock });
    return { subject, clock };
  }

  it("fires 21:00 Berlin once across spring DST", async () => {
    const { subject, clock } = await start("2026-03-28T18:00:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const ruleId = await createRule(subject, user, { kind: "daily-log" });

    await walkClock(subject, clock, "2026-03-30T20:00:00Z", 30);

    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-03-28T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-03-28T20:00:00.000Z",
      },
      {
        sourceKey: `rule:${ruleId}:2026-03-29T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-03-29T19:00:00.000Z",
      },
      {
        sourceKey: `rule:${ruleId}:2026-03-30T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-03-30T19:00:00.000Z",
      },
    ]);
    expect(await notificationCount(subject, user.id)).toBe(3);
  });

  it("fires 21:00 Berlin once across autumn DST", async () => {
    const { subject, clock } = await start("2026-10-24T18:00:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const ruleId = await createRule(subject, user, { kind: "daily-log", time: "21:00" });

    await walkClock(subject, clock, "2026-10-26T21:00:00Z", 30);

    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-10-24T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-10-24T19:00:00.000Z",
      },
      {
        sourceKey: `rule:${ruleId}:2026-10-25T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-10-25T20:00:00.000Z",
      },
      {
        sourceKey: `rule:${ruleId}:2026-10-26T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-10-26T20:00:00.000Z",
      },
    ]);
    expect(await notificationCount(subject, user.id)).toBe(3);
  });

  it("follows a time zone change before planning", async () => {
    const { subject, clock } = await start("2026-06-01T12:00:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const ruleId = await createRule(subject, user, { kind: "daily-log" });

    const moved = await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
      payload: { timeZone: "America/New_York" },
    });
    await walkClock(subject, clock, "2026-06-02T06:00:00Z", 30);

    expect(moved.statusCode).toBe(200);
    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-06-01T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-06-02T01:00:00.000Z",
      },
    ]);
  });

  it("defers a due job after a move west", async () => {
    const { subject, clock } = await start("2026-06-01T18:40:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const ruleId = await createRule(subject, user, { kind: "daily-log" });
    await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
      payload: { timeZone: "America/New_York" },
    });

    clock.set("2026-06-01T19:00:00Z");
    await runJobsUntilIdle([subject]);
    const early = await deliveriesOf(subject, user.id);
    const job = await subject.deps.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `reminder:${user.id}:${ruleId}:2026-06-01T21:00`));
    clock.set("2026-06-02T01:00:00Z");
    await runJobsUntilIdle([subject]);

    expect(early).toEqual([]);
    expect(job[0]?.runAt.toISOString()).toBe("2026-06-02T01:00:00.000Z");
    expect(job[0]?.attempts).toBe(0);
    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${ruleId}:2026-06-01T21:00`,
        status: "sent",
        reason: null,
        sentAt: "2026-06-02T01:00:00.000Z",
      },
    ]);
  });

  it("drops a reminder three hours late", async () => {
    const { subject, clock } = await start("2026-06-01T16:50:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const lateRuleId = await createRule(subject, user, { kind: "daily-log", time: "19:00" });
    const onTimeRuleId = await createRule(subject, user, { kind: "weigh-in", time: "21:30" });

    // No worker ran from 16:50 to 20:00 UTC: the 19:00 local slot (17:00 UTC) is now 3 hours
    // late and the 21:30 local slot (19:30 UTC) 30 minutes late.
    clock.set("2026-06-01T20:00:00Z");
    await runJobsUntilIdle([subject]);
    const late = await subject.deps.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `reminder:${user.id}:${lateRuleId}:2026-06-01T19:00`));

    expect(late[0]?.failedAt?.toISOString()).toBe("2026-06-01T20:00:00.000Z");
    expect(late[0]?.lastError).toBe("expired before it ran");
    expect(await deliveriesOf(subject, user.id)).toEqual([
      {
        sourceKey: `rule:${onTimeRuleId}:2026-06-01T21:30`,
        status: "sent",
        reason: null,
        sentAt: "2026-06-01T20:00:00.000Z",
      },
    ]);
    expect(await notificationCount(subject, user.id)).toBe(1);
  });

  it("holds quiet-hour water until 07:00", async () => {
    const { subject, clock } = await start("2026-05-03T21:50:00Z");
    const user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    const waterId = await createRule(subject, user, {
      kind: "water",
      startTime: "06:30",
      endTime: "22:30",
      intervalMinutes: 120,
    });
    const bedtimeId = await createRule(subject, user, { kind: "bedtime", time: "22:30" });

    await walkClock(subject, clock, "2026-05-05T06:00:00Z", 10);

    const sent = (await deliveriesOf(subject, user.id)).map((entry) => [
      entry.sourceKey,
      entry.sentAt,
    ]);
    expect(sent).toEqual([
      [`rule:${waterId}:2026-05-04T06:30`, "2026-05-04T05:00:00.000Z"],
      [`rule:${waterId}:2026-05-04T08:30`, "2026-05-04T06:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T10:30`, "2026-05-04T08:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T12:30`, "2026-05-04T10:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T14:30`, "2026-05-04T12:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T16:30`, "2026-05-04T14:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T18:30`, "2026-05-04T16:30:00.000Z"],
      [`rule:${waterId}:2026-05-04T20:30`, "2026-05-04T18:30:00.000Z"],
      [`rule:${bedtimeId}:2026-05-04T22:30`, "2026-05-04T20:30:00.000Z"],
      [`rule:${waterId}:2026-05-05T06:30`, "2026-05-05T05:00:00.000Z"],
    ]);
  });
});
