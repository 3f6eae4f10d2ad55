import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";

describe("sleep entries", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-11-01T12:00:00Z") });
    user = await signIn(subject, { timeZone: "Europe/Berlin" });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("dates a night by the wake-up day", async () => {
    const response = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-06-01T23:15",
      wakeTime: "2026-06-02T06:45",
      quality: 4,
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      date: "2026-06-02",
      durationMin: 450,
      bedtime: "2026-06-01T23:15",
      wakeTime: "2026-06-02T06:45",
      timeZone: "Europe/Berlin",
      quality: 4,
      phases: null,
    });
  });

  it("refuses phases longer than the night", async () => {
    const night = { bedtime: "2026-06-03T23:00", wakeTime: "2026-06-04T00:00", quality: 3 };
    const tooLong = await call(subject, user, "POST", "/api/v1/sleep", {
      ...night,
      phases: { deepMin: 40, lightMin: 30 },
    });
    const created = await call(subject, user, "POST", "/api/v1/sleep", {
      ...night,
      phases: { deepMin: 20, lightMin: 40 },
    });
    const shortened = await call(subject, user, "PATCH", `/api/v1/sleep/${created.body.id}`, {
      wakeTime: "2026-06-03T23:30",
    });

    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe("phases");
    expect(created.status).toBe(201);
    expect(shortened.status).toBe(400);
  });

  it("counts the spring DST night an hour shorter", async () => {
    const response = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-03-28T23:00",
      wakeTime: "2026-03-29T07:00",
      quality: 3,
    });

    expect(response.body.durationMin).toBe(7 * 60);
    expect(response.body.date).toBe("2026-03-29");
  });

  it("counts the autumn DST night an hour longer", async () => {
    const response = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-10-24T23:00",
      wakeTime: "2026-10-25T07:00",
      quality: 3,
      phases: { deepMin: 90, remMin: 100 },
    });

    expect(response.body.durationMin).toBe(9 * 60);
    expect(response.body.phases).toEqual({ deepMin: 90, remMin: 100 });
  });

  it("recomputes duration when wake time changes", async () => {
    const created = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-10-24T23:00",
      wakeTime: "2026-10-25T07:00",
      quality: 2,
    });

    const edited = await call(subject, user, "PATCH", `/api/v1/sleep/${created.body.id}`, {
      wakeTime: "2026-10-25T08:00",
    });

    expect(edited.body.durationMin).toBe(10 * 60);
    expect(edited.body.version).toBe(2);
  });

  it("rejects nights that end first or last a day", async () => {
    const backwards = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-06-02T07:00",
      wakeTime: "2026-06-01T23:00",
      quality: 3,
    });
    const tooLong = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-06-01T07:00",
      wakeTime: "2026-06-02T07:00",
      quality: 3,
    });
    const badQuality = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-06-01T23:00",
      wakeTime: "2026-06-02T07:00",
      quality: 6,
    });
    const withOffset = await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-06-01T23:00+02:00",
      wakeTime: "2026-06-02T07:00",
      quality: 3,
    });

    for (const response of [backwards, tooLong, badQuality, withOffset]) {
      expect(response.status).toBe(400);
      expect(response.body.type).toBe("/problems/validation-failed");
    }
    expect(backwards.body.errors[0].field).toBe("wakeTime");
    expect(badQuality.body.errors[0].field).toBe("quality");
    const list = await call(subject, user, "GET", "/api/v1/sleep?from=2026-06-01&to=2026-06-02");
    expect(list.body.items).toHaveLength(1);
  });
});
