import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";
import { loadExerciseCatalog } from "./exercise-catalog";

describe("exercise catalog", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp();
    user = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("holds all 873 exercises and reloads nothing", async () => {
    const loaded = await loadExerciseCatalog(subject.deps.database.db, subject.deps.logger);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        subject,
        user,
        "GET",
        `/api/v1/exercises?limit=100${cursor ? `&cursor=${cursor}` : ""}`,
      );
      all.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);

    expect(loaded).toBe(0);
    expect(all).toHaveLength(873);
    expect(new Set(all).size).toBe(873);
  });

  it("refuses a tampered cursor and year 0 before the database", async () => {
    const longName = Buffer.from(JSON.stringify(["x".repeat(5000), "y"])).toString("base64url");

    const cursor = await call(subject, user, "GET", `/api/v1/exercises?cursor=${longName}`);
    const yearZero = await call(
      subject,
      user,
      "GET",
      "/api/v1/exercises/Barbell_Squat/previous?before=0000-01-01",
    );

    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].field).toBe("query.cursor");
    expect(yearZero.status).toBe(400);
    expect(yearZero.body.errors[0].field).toBe("query.before");
  });

  it("searches by name words, muscle and equipment", async () => {
    const response = await call(
      subject,
      user,
      "GET",
      "/api/v1/exercises?q=bench%20press&muscle=chest&equipment=dumbbell",
    );

    const names = response.body.items.map((item: { name: string }) => item.name);
    expect(names).toContain("Dumbbell Bench Press");
    expect(
      response.body.items.every(
        (item: { equipment: string; primaryMuscles: string[]; secondaryMuscles: string[] }) =>
          item.equipment === "dumbbell" &&
          [...item.primaryMuscles, ...item.secondaryMuscles].includes("chest"),
      ),
    ).toBe(true);
  });

  it("returns one exercise with instructions", async () => {
    const response = await call(subject, user, "GET", "/api/v1/exercises/Barbell_Squat");
    const missing = await call(subject, user, "GET", "/api/v1/exercises/No_Such_Thing");
    const badCursor = await call(subject, user, "GET", "/api/v1/exercises?cursor=abc");

    expect(response.body.name).toBe("Barbell Squat");
    expect(response.body.instructions.length).toBeGreaterThan(0);
    expect(response.body.primaryMuscles).toContain("quadriceps");
    expect(missing.status).toBe(404);
    expect(badCursor.status).toBe(400);
  });
});
