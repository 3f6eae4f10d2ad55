import { eq } from "drizzle-orm";
import { REMINDER_RULES_MAX } from "@fitcoach/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";
import { createReminderUser, createRule } from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";
import { reminderRules } from "./reminders.tables";

describe("reminder routes", () => {
  const clock = new ManualClock("2026-06-01T10:00:00Z");
  let subject: TestApp;
  let user: ReminderUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock });
    user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
  });

  afterAll(async () => {
    await subject.close();
  });

  function request(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    return subject.app.inject({
      method,
      url: `/api/v1/reminders${url}`,
      headers: { ...bearer(user.accessToken), ...headers },
      payload: payload as Record<string, unknown> | undefined,
    });
  }

  async function ruleCount(userId: string): Promise<number> {
    const rows = await subject.deps.database.db
      .select({ id: reminderRules.id })
      .from(reminderRules)
      .where(eq(reminderRules.userId, userId));
    return rows.length;
  }

  it("creates a daily rule with defaults", async () => {
    const response = await request("POST", "/rules", { kind: "daily-log" });

    expect(response.statusCode).toBe(201);
    expect(response.headers.etag).toBe('"v1"');
    expect(response.headers.location).toBe(`/api/v1/reminders/rules/${response.json().id}`);
    expect(response.json()).toMatchObject({
      kind: "daily-log",
      enabled: true,
      channel: "in-app",
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      time: "21:00",
      startTime: null,
      mealType: null,
      // 21:00 in Berlin summer time.
      nextAt: "2026-06-01T19:00:00.000Z",
      version: 1,
    });
  });

  it("creates every kind of rule", async () => {
    const bodies = [
      { kind: "water", startTime: "08:00", endTime: "20:00", intervalMinutes: 120 },
      { kind: "meal", mealType: "lunch", time: "12:30", channel: "push" },
      { kind: "workout", weekdays: [5, 1, 3], time: "18:00" },
      { kind: "bedtime", time: "22:30" },
      { kind: "weigh-in", time: "07:15", weekdays: [1], enabled: false },
    ];

    const responses = await Promise.all(bodies.map((body) => request("POST", "/rules", body)));

    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(responses[0]!.json()).toMatchObject({
      intervalMinutes: 120,
      nextAt: "2026-06-01T10:00:00.000Z",
    });
    expect(responses[2]!.json().weekdays).toEqual([1, 3, 5]);
    expect(responses[4]!.json().nextAt).toBeNull();
  });

  it("rejects invalid rules with field errors", async () => {
    const before = await ruleCount(user.id);
    const cases = [
      [
        { kind: "water", startTime: "20:00", endTime: "08:00", intervalMinutes: 60 },
        "endTime",
        "must be later than startTime",
      ],
      [{ kind: "bedtime", time: "24:00" }, "time", "must be a time as HH:MM, from 00:00 to 23:59"],
      [
        { kind: "water", startTime: "08:00", endTime: "20:00", intervalMinutes: 10 },
        "intervalMinutes",
        "Too small: expected number to be >=30",
      ],
      [
        { kind: "workout", time: "18:00", weekdays: [1, 1] },
        "weekdays",
        "must not repeat a weekday",
      ],
      [
        { kind: "bedtime", time: "22:00", mealType: "lunch" },
        "mealType",
        "is not an accepted field",
      ],
    ] as const;

    for (const [body, field, message] of cases) {
      const response = await request("POST", "/rules", body);

      expect(response.statusCode).toBe(400);
      expect(response.json().type).toBe("/problems/validation-failed");
      expect(response.json().errors).toContainEqual({ field, message });
    }
    expect(await ruleCount(user.id)).toBe(before);
  });

  it("requires a verified address for email", async () => {
    const unverified = await registerAndLogin(
      subject.app,
      subject.logs,
      () => subject.deps.jobs.runOnce(),
      {
        verify: false,
      },
    );

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/reminders/rules",
      headers: bearer(unverified.accessToken),
      payload: { kind: "daily-log", channel: "email" },
    });

    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe("/problems/email-not-verified");
  });

  it("changes a rule with If-Match", async () => {
    const id = await createRule(subject, user, { kind: "bedtime", time: "22:30" });

    const changed = await request(
      "PATCH",
      `/rules/${id}`,
      { time: "23:00" },
      { "if-match": '"v1"' },
    );
    const stale = await request("PATCH", `/rules/${id}`, { time: "23:30" }, { "if-match": '"v1"' });

    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"v2"');
    expect(changed.json()).toMatchObject({ time: "23:00", version: 2 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().type).toBe("/problems/precondition-failed");
  });

  it("rejects fields of another kind on change", async () => {
    const id = await createRule(subject, user, {
      kind: "water",
      startTime: "08:00",
      endTime: "18:00",
      intervalMinutes: 60,
    });

    const wrongField = await request("PATCH", `/rules/${id}`, { mealType: "dinner" });
    const emptyWindow = await request("PATCH", `/rules/${id}`, { endTime: "07:00" });

    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().errors).toEqual([
      { field: "mealType", message: "is not an accepted field for a water reminder" },
    ]);
    expect(emptyWindow.statusCode).toBe(400);
    expect(emptyWindow.json().errors).toEqual([
      { field: "endTime", message: "must be later than startTime" },
    ]);
  });

  it("deletes a rule", async () => {
    const id = await createRule(subject, user, { kind: "weigh-in", time: "07:00" });

    const deleted = await request("DELETE", `/rules/${id}`);
    const missing = await request("GET", `/rules/${id}`);

    expect(deleted.statusCode).toBe(204);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().type).toBe("/problems/not-found");
  });

  it("hides rules of other users", async () => {
    const other = await createReminderUser(subject);
    const id = await createRule(subject, other, { kind: "daily-log" });

    const read = await request("GET", `/rules/${id}`);
    const changed = await request("PATCH", `/rules/${id}`, { enabled: false });
    const deleted = await request("DELETE", `/rules/${id}`);

    expect([read.statusCode, changed.statusCode, deleted.statusCode]).toEqual([404, 404, 404]);
    expect(await ruleCount(other.id)).toBe(1);
  });

  it("limits the number of rules", async () => {
    const owner = await createReminderUser(subject);
    for (let index = 0; index < REMINDER_RULES_MAX; index += 1) {
      await createRule(subject, owner, { kind: "bedtime", time: "22:00" });
    }

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/reminders/rules",
      headers: bearer(owner.accessToken),
      payload: { kind: "bedtime", time: "22:00" },
    });

    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toBe(
      `An account can have at most ${REMINDER_RULES_MAX} reminder rules; delete one first.`,
    );
    expect(await ruleCount(owner.id)).toBe(REMINDER_RULES_MAX);
  });

  it("reads and changes settings", async () => {
    const initial = await request("GET", "/settings");
    const changed = await request(
      "PATCH",
      "/settings",
      { quietHours: { enabled: true, start: "23:00", end: "06:30" } },
      { "if-match": '"v1"' },
    );
    const invalid = await request("PATCH", "/settings", {
      quietHours: { enabled: true, start: "23:00", end: "23:00" },
    });

    expect(initial.json()).toEqual({
      quietHours: { enabled: true, start: "22:00", end: "07:00" },
      weeklySummary: false,
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe('"v2"');
    expect(changed.json().quietHours).toEqual({ enabled: true, start: "23:00", end: "06:30" });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual([
      { field: "quietHours.end", message: "must differ from start; turn quiet hours off instead" },
    ]);
  });

  it("requires authentication", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/reminders/rules" });

    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe("/problems/authentication-required");
  });
});
