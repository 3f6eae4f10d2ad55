import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";

describe("mood and steps entries", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-05-01T12:00:00Z") });
    user = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("stores mood with tags and a markdown note as written", async () => {
    const note = "**Good** day <script>alert(1)</script>";
    const response = await call(subject, user, "POST", "/api/v1/mood", {
      date: "2026-05-01",
      score: 4,
      energy: 3,
      tags: ["work", "Work", "sun"],
      note,
    });

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ score: 4, energy: 3, stress: null, note });
    expect(response.body.tags).toEqual(["work", "sun"]);
  });

  it("rejects scores, tags and notes out of bounds", async () => {
    const cases = [
      { date: "2026-05-01", score: 0 },
      { date: "2026-05-01", score: 3, stress: 6 },
      { date: "2026-05-01", score: 3, tags: ["a,b"] },
      { date: "2026-05-01", score: 3, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { date: "2026-05-01", score: 3, note: "x".repeat(2001) },
    ];
    for (const payload of cases) {
      const response = await call(subject, user, "POST", "/api/v1/mood", payload);
      expect(response.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
    }
  });

  it("logs and edits step counts", async () => {
    const created = await call(subject, user, "POST", "/api/v1/steps", {
      date: "2026-05-01",
      count: 8000,
    });
    const edited = await call(subject, user, "PATCH", `/api/v1/steps/${created.body.id}`, {
      count: 9500,
    });
    const tooMany = await call(subject, user, "POST", "/api/v1/steps", {
      date: "2026-05-01",
      count: 200_001,
    });

    expect(created.status).toBe(201);
    expect(edited.body.count).toBe(9500);
    expect(tooMany.status).toBe(400);
  });
});
