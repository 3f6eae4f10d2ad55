import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";

describe("body entries", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-05-01T12:00:00Z") });
    user = await signIn(subject, { units: "imperial" });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("reads pounds and inches back exactly after many saves", async () => {
    const created = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-05-01",
      weightLb: 180.4,
      waistIn: 33.7,
    });
    let entry = created.body;
    for (let save = 0; save < 20; save += 1) {
      const response = await call(subject, user, "PATCH", `/api/v1/body/${entry.id}`, {
        weightLb: entry.weightLb,
        waistIn: entry.waistIn,
      });
      entry = response.body;
    }

    expect(entry.weightLb).toBe(180.4);
    expect(entry.waistIn).toBe(33.7);
    expect(entry.weightUnit).toBe("lb");
    expect(entry.waistUnit).toBe("in");
    expect(entry.weightKg).toBe(81.83);
    expect(entry.waistCm).toBe(85.6);
    expect(entry.version).toBe(21);
  });

  it("keeps each value in its own unit", async () => {
    const response = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-04-30",
      weightKg: 80,
      hipsIn: 40.1,
      bodyFatPercent: 18.5,
    });

    expect(response.body).toMatchObject({
      weightKg: 80,
      weightLb: 176.37,
      weightUnit: "kg",
      hipsIn: 40.1,
      hipsCm: 101.85,
      hipsUnit: "in",
      waistCm: null,
      waistUnit: null,
      bodyFatPercent: 18.5,
    });
  });

  it("clears a measurement with null", async () => {
    const created = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-04-29",
      weightKg: 80,
      waistCm: 90,
    });

    const edited = await call(subject, user, "PATCH", `/api/v1/body/${created.body.id}`, {
      waistCm: null,
    });

    expect(edited.body.waistCm).toBeNull();
    expect(edited.body.weightKg).toBe(80);
  });

  it("refuses an edit that clears the last measurement", async () => {
    const created = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-04-28",
      weightKg: 70,
    });

    const cleared = await call(subject, user, "PATCH", `/api/v1/body/${created.body.id}`, {
      weightKg: null,
    });
    const empty = await call(subject, user, "PATCH", `/api/v1/body/${created.body.id}`, {});

    expect(cleared.status).toBe(400);
    expect(cleared.body.errors[0].field).toBe("measurements");
    expect(empty.status).toBe(400);
    const stored = await call(subject, user, "GET", `/api/v1/body/${created.body.id}`);
    expect(stored.body.weightKg).toBe(70);
    expect(stored.body.version).toBe(created.body.version);
  });

  it("rejects both units, no values and out of range", async () => {
    const both = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-05-01",
      weightKg: 80,
      weightLb: 176,
    });
    const empty = await call(subject, user, "POST", "/api/v1/body", { date: "2026-05-01" });
    const heavy = await call(subject, user, "POST", "/api/v1/body", {
      date: "2026-05-01",
      weightKg: 401,
    });

    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toBe("weightLb");
    expect(empty.status).toBe(400);
    expect(heavy.status).toBe(400);
    expect(heavy.body.errors[0].field).toBe("weightKg");
  });
});
