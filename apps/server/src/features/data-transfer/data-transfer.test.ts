import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { registerAndLogin, bearer } from "../../../test/helpers/auth";
import { addCoachAndReminderRows, PUSH_SECRETS } from "../../../test/helpers/account-rows";
import { accountsUserId, call, multipartBody, signIn } from "../../../test/helpers/tracking";
import { importJobs } from "./data-transfer.tables";
import type { SignedInUser } from "../../../test/helpers/tracking";

const FIXTURES = path.resolve(__dirname, "../../../test/fixtures/imports");

/** Sections that an import skips, because they record what happened to the account. */
const EXPORT_ONLY_SECTIONS = [
  "pushSubscriptions",
  "reminderDeliveries",
  "coachCalls",
  "sessions",
  "knownDevices",
  "imports",
  "auditEvents",
];

/** Sections an import takes back, with the rows the source account has in each. */
const IMPORTED_ROWS = {
  goals: 1,
  days: 1,
  water: 2,
  workouts: 1,
  customFoods: 1,
  meals: 1,
  savedMeals: 1,
  coachPrivacy: 1,
  coachConversations: 1,
  coachMealPlans: 1,
  coachPrograms: 1,
  reminderSettings: 1,
  reminderRules: 2,
  notifications: 2,
};

/**
 * Prepares an export for comparison: drops the export-only sections and replaces the custom food
 * and portion ids, which an import generates, with their positions in the document.
 */
function comparable(document: any): unknown {
  const { exportedAt: _exportedAt, account: _account, ...rest } = document;
  const names = new Map<string, string>();
  document.sections.customFoods.forEach((food: any, foodIndex: number) => {
    names.set(food.id, `food-${foodIndex}`);
    food.portions.forEach((portion: any, portionIndex: number) => {
      names.set(portion.id, `portion-${foodIndex}-${portionIndex}`);
    });
  });
  const sections = Object.fromEntries(
    Object.entries(document.sections).filter(([name]) => !EXPORT_ONLY_SECTIONS.includes(name)),
  );
  const renamed = JSON.parse(
    JSON.stringify({ ...rest, sections }, (_key, value) =>
      typeof value === "string" && names.has(value) ? names.get(value) : value,
    ),
  );
  return withoutGeneratedIds(renamed);
}

function withoutGeneratedIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGeneratedIds);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "id")
        .map(([key, item]) => [key, withoutGeneratedIds(item)]),
    );
  }
  return value;
}

describe("export and import", () => {
  let subject: TestApp;
  let clock: ManualClock;
  let source: SignedInUser;
  let sourceId: string;
  let photoFile: string;

  function photoPath(userId: string, fileName: string): string {
    return path.join(subject.deps.config.dataDir, "uploads", userId, fileName);
  }

  async function upload(
    user: SignedInUser,
    fields: Record<string, string>,
    content: Buffer | string,
  ): Promise<{ status: number; body: any }> {
    const body = multipartBody(fields, { name: "upload", content });
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/me/import",
      headers: { ...user.headers, ...body.headers },
      payload: body.payload,
    });
    return { status: response.statusCode, body: response.json() };
  }

  async function importAndWait(
    user: SignedInUser,
    fields: Record<string, string>,
    content: Buffer | string,
  ): Promise<any> {
    const started = await upload(user, fields, content);
    expect(started.status).toBe(202);
    await subject.deps.jobs.runOnce();
    const job = await call(subject, user, "GET", `/api/v1/me/imports/${started.body.id}`);
    return job.body;
  }

  async function exportJson(user: SignedInUser): Promise<any> {
    const response = await call(subject, user, "GET", "/api/v1/me/export");
    expect(response.status).toBe(200);
    return response.body;
  }

  beforeAll(async () => {
    clock = new ManualClock("2026-04-02T10:00:00Z");
    subject = await createTestApp({
      clock,
      env: { IMPORT_MAX_BYTES: "262144", REAUTHENTICATION_WINDOW_MINUTES: "5" },
    });
    source = await signIn(subject, {
      timeZone: "Europe/Prague",
      units: "imperial",
      birthDate: "1990-05-17",
      sex: "female",
      heightIn: 65.5,
      activityLevel: "moderate",
      waterGoalMl: 2200,
      weekStartsOn: "sunday",
      name: "Jana",
    });
    await call(subject, source, "PATCH", "/api/v1/goals", { kcal: 2100, targetWeightLb: 140.2 });
    await call(subject, source, "POST", "/api/v1/water", { date: "2026-04-01", ml: 750 });
    await call(subject, source, "POST", "/api/v1/sleep", {
      bedtime: "2026-03-28T23:30",
      wakeTime: "2026-03-29T07:10",
      quality: 5,
      phases: { deepMin: 80 },
    });
    await call(subject, source, "POST", "/api/v1/mood", {
      date: "2026-04-01",
      score: 2,
      tags: ["tired"],
      note: '=HYPERLINK("http://evil.test")',
    });
    await call(subject, source, "POST", "/api/v1/body", {
      date: "2026-04-01",
      weightLb: 150.3,
      waistIn: 29.9,
    });
    await call(subject, source, "POST", "/api/v1/steps", { date: "2026-04-01", count: 12034 });
    await call(subject, source, "POST", "/api/v1/workouts", {
      date: "2026-03-31",
      startedAt: "2026-03-31T17:00",
      durationMin: 50,
      intensity: 4,
      notes: "- intervals",
      exercises: [
        {
          exerciseId: "Barbell_Squat",
          sets: [
            { reps: 5, weightLb: 155.5 },
            { reps: 5, weightKg: 70 },
          ],
        },
        { exerciseId: "Running_Treadmill", sets: [{ durationSec: 900, distanceM: 2500 }] },
      ],
    });
    const edited = await call(subject, source, "POST", "/api/v1/water", {
      date: "2026-04-02",
      ml: 300,
    });
    await call(subject, source, "PATCH", `/api/v1/water/${edited.body.id}`, { ml: 350 });
    await call(subject, source, "PATCH", "/api/v1/days/2026-04-01", {
      tags: ["travel"],
      note: "# Prague\n+ long walk",
    });

    const food = await call(subject, source, "POST", "/api/v1/custom-foods", {
      name: "Grandma's granola",
      per100g: { kcal: 450, protein: 11.5 },
      portions: [{ amount: 1, unit: "cup", grams: 60 }],
    });
    expect(food.status).toBe(201);
    const meal = await call(subject, source, "POST", "/api/v1/meals", {
      date: "2026-04-01",
      type: "breakfast",
      note: "@home",
      items: [
        { foodId: food.body.id, portionId: food.body.portions[0].id, quantity: 1.5 },
        { name: "Coffee with milk", grams: 250, kcal: 45, protein: 2.1 },
      ],
    });
    expect(meal.status).toBe(201);
    const image = await sharp({
      create: { width: 48, height: 32, channels: 3, background: "#2060a0" },
    })
      .jpeg()
      .toBuffer();
    const photo = multipartBody({}, { name: "meal.jpg", content: image });
    const uploaded = await subject.app.inject({
      method: "POST",
      url: `/api/v1/meals/${meal.body.id}/photo`,
      headers: { ...source.headers, ...photo.headers },
      payload: photo.payload,
    });
    expect(uploaded.statusCode).toBe(200);
    const saved = await call(subject, source, "POST", "/api/v1/saved-meals", {
      name: "Granola bowl",
      type: "breakfast",
      items: [{ foodId: food.body.id, grams: 80 }],
    });
    expect(saved.status).toBe(201);

    sourceId = await accountsUserId(subject, source);
    await addCoachAndReminderRows(subject.deps.database.db, sourceId);
    const exported = await exportJson(source);
    photoFile = exported.sections.meals[0].photo.file;
  });
  afterAll(async () => {
    await subject.close();
  });

  it("round-trips the JSON export into a fresh account", async () => {
    const original = await exportJson(source);
    const fresh = await signIn(subject);
    const freshId = await accountsUserId(subject, fresh);
    // The export names the photo file without containing it, so the test puts the file in place
    // as restoring the uploads folder would.
    mkdirSync(path.dirname(photoPath(freshId, photoFile)), { recursive: true });
    copyFileSync(photoPath(sourceId, photoFile), photoPath(freshId, photoFile));

    const job = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(original));
    const copy = await exportJson(fresh);

    expect(job.status).toBe("completed");
    expect(job.progressPercent).toBe(100);
    expect(job.added).toMatchObject(IMPORTED_ROWS);
    expect(job.added.sessions).toBe(0);
    expect(original.version).toBe(2);
    expect(original.sections.workouts[0].sets).toHaveLength(3);
    expect(original.sections.water[1].version).toBe(2);
    expect(original.sections.coachConversations[0].messages).toHaveLength(2);
    expect(original.sections.coachPrograms[0].sets).toHaveLength(2);
    expect(original.sections.reminderRules[0].weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(original.sections.meals[0].photo).toMatchObject({ width: 48, height: 32 });
    expect(copy.sections.sessions.length).toBeGreaterThan(0);
    expect(comparable(copy)).toEqual(comparable(original));
    expect(copy.profile.heightCm).toBe(166.37);
  });

  it("exports every user-owned table", async () => {
    const document = await exportJson(source);

    for (const [name, rows] of Object.entries(IMPORTED_ROWS)) {
      expect(document.sections[name], name).toHaveLength(rows);
    }
    expect(document.sections.pushSubscriptions).toHaveLength(1);
    expect(document.sections.pushSubscriptions[0].deviceLabel).toBe("Firefox on Linux");
    expect(document.sections.reminderDeliveries).toHaveLength(1);
    expect(document.sections.coachCalls).toHaveLength(1);
    expect(document.sections.sessions.length).toBeGreaterThan(0);
    expect(document.sections.auditEvents.length).toBeGreaterThan(0);
    expect(document.sections.reminderSettings[0]).toMatchObject({
      quietStart: "22:30",
      quietEnd: "06:45",
    });
    expect(document.sections.coachPrivacy[0]).toMatchObject({ meals: true, workouts: false });
  });

  it("leaves secrets out of the export", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/export",
      headers: source.headers,
    });
    const text = response.body;
    const document = response.json();

    expect(response.statusCode).toBe(200);
    expect(text).not.toContain(PUSH_SECRETS.endpoint);
    expect(text).not.toContain(PUSH_SECRETS.p256dh);
    expect(text).not.toContain(PUSH_SECRETS.auth);
    for (const field of ["passwordHash", "totpSecretEncrypted", "tokenHash", "codeHash"]) {
      expect(text).not.toContain(`"${field}"`);
    }
    expect(Object.keys(document.sections.pushSubscriptions[0]).sort()).toEqual([
      "createdAt",
      "deviceLabel",
      "failureCount",
      "id",
      "lastFailureAt",
      "lastSuccessAt",
    ]);
    expect(Object.keys(document.sections.knownDevices[0] ?? {})).not.toContain("tokenHash");
  });

  it("drops photo references without the file", async () => {
    const original = await exportJson(source);
    const fresh = await signIn(subject);

    const job = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(original));
    const copy = await exportJson(fresh);

    expect(job.status).toBe("completed");
    expect(copy.sections.meals).toHaveLength(1);
    expect(copy.sections.meals[0].photo).toBeNull();
    expect(copy.sections.meals[0].note).toBe("@home");
  });

  it("reads a version 1 document", async () => {
    const original = await exportJson(source);
    const legacy = structuredClone(original);
    legacy.version = 1;
    for (const name of Object.keys(legacy.sections)) {
      if (!["goals", "days", "water", "sleep", "mood", "body", "steps", "workouts"].includes(name))
        delete legacy.sections[name];
    }
    const fresh = await signIn(subject);

    const job = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(legacy));
    const copy = await exportJson(fresh);

    expect(job.status).toBe("completed");
    expect(job.added).toMatchObject({ water: 2, workouts: 1, coachConversations: 0 });
    expect(copy.sections.water).toHaveLength(2);
    expect(copy.sections.coachConversations).toEqual([]);
  });

  it.each([
    {
      change: (sections: any) => (sections.reminderRules[0].weekdays = ["monday"]),
      error: "reminderRules[0].weekdays must be a list of at most 100 whole numbers.",
    },
    {
      change: (sections: any) => (sections.reminderRules[0].weekdays = [0, 8]),
      error: "reminderRules[0].weekdays[0] Too small: expected number to be >=1.",
    },
    {
      change: (sections: any) => (sections.reminderRules[0].startTime = "25:00"),
      error: "reminderRules[0].startTime must be a time as HH:MM, from 00:00 to 23:59.",
    },
    {
      change: (sections: any) => (sections.reminderRules[1].time = null),
      error: "reminderRules[1].time is missing for a meal rule.",
    },
    {
      change: (sections: any) => (sections.reminderSettings[0].quietEnd = "7am"),
      error: "reminderSettings[0].quietEnd must be a time as HH:MM, from 00:00 to 23:59.",
    },
    {
      change: (sections: any) => (sections.notifications[0].url = "//evil.test/login"),
      error:
        "notifications[0].url must be a path on this site, starting with a single / and without spaces.",
    },
    {
      change: (sections: any) => (sections.notifications[0].url = "/\t/evil.test"),
      error:
        "notifications[0].url must be a path on this site, starting with a single / and without spaces.",
    },
    {
      change: (sections: any) => delete sections.coachMealPlans[0].plan.days,
      error: "coachMealPlans[0].plan.days Invalid input: expected array, received undefined.",
    },
    {
      change: (sections: any) => (sections.coachPrograms[0].schedule = [{ week: 1 }]),
      error:
        "coachPrograms[0].schedule[0].isDeload Invalid input: expected boolean, received undefined.",
    },
    {
      change: (sections: any) => (sections.coachConversations[0].messages[0].role = "system"),
      error: "coachConversations[0].messages[0].role must be one of user, assistant.",
    },
  ])("rejects a bad value: $error", async ({ change, error }) => {
    const original = await exportJson(source);
    const broken = structuredClone(original);
    change(broken.sections);
    const fresh = await signIn(subject);

    const job = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(broken));
    const copy = await exportJson(fresh);

    expect(job.status).toBe("failed");
    expect(job.error).toBe(error);
    expect(copy.sections.coachConversations).toEqual([]);
    expect(copy.sections.water).toEqual([]);
  });

  it("adds nothing when the same file comes twice", async () => {
    const original = await exportJson(source);
    const fresh = await signIn(subject);
    const text = JSON.stringify(original);

    const first = await importAndWait(fresh, { format: "fitcoach-json" }, text);
    const second = await importAndWait(fresh, { format: "fitcoach-json" }, text);
    const water = await call(subject, fresh, "GET", "/api/v1/water?from=2026-01-01&to=2026-12-31");

    expect(first.status).toBe("completed");
    expect(second.status).toBe("completed");
    expect(second.duplicateOf).toBe(first.id);
    expect(second.added).toEqual({});
    expect(water.body.items).toHaveLength(2);
  });

  it("adds nothing from a later export of the same data", async () => {
    const original = await exportJson(source);
    const fresh = await signIn(subject);
    const later = { ...original, exportedAt: "2026-04-02T11:00:00.000Z" };

    const first = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(original));
    const second = await importAndWait(fresh, { format: "fitcoach-json" }, JSON.stringify(later));
    const water = await call(subject, fresh, "GET", "/api/v1/water?from=2026-01-01&to=2026-12-31");
    const copy = await exportJson(fresh);

    expect(first.status).toBe("completed");
    expect(second.status).toBe("completed");
    expect(second.duplicateOf ?? null).toBeNull();
    const addedAgain = Object.entries(second.added as Record<string, number>).filter(
      ([, count]) => count > 0,
    );
    expect(addedAgain).toEqual([]);
    expect(water.body.items).toHaveLength(2);
    expect(copy.sections.workouts).toHaveLength(original.sections.workouts.length);
    expect(copy.sections.customFoods).toHaveLength(original.sections.customFoods.length);
  });

  it("imports all or nothing", async () => {
    const original = await exportJson(source);
    const broken = structuredClone(original);
    broken.sections.steps[0].count = "many";
    const fresh = await signIn(subject);

    const refused = await upload(fresh, { format: "fitcoach-json" }, JSON.stringify(broken));
    const water = await call(subject, fresh, "GET", "/api/v1/water?from=2026-01-01&to=2026-12-31");

    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe("sections.steps[0].count");
    expect(water.body.items).toEqual([]);
  });

  it.each([
    ["a document without sections", '{"format":"fitcoach-export","version":2,"profile":{}}'],
    [
      "an unknown top-level field",
      '{"format":"fitcoach-export","version":2,"sections":{},"extra":1}',
    ],
    [
      "a __proto__ key in a row",
      '{"format":"fitcoach-export","version":2,"sections":{"water":[{"__proto__":{"ml":5}}]}}',
    ],
  ])("refuses %s at upload", async (_name, text) => {
    const user = await signIn(subject);

    const refused = await upload(user, { format: "fitcoach-json" }, text);

    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe("/problems/validation-failed");
    const jobs = await call(subject, user, "GET", "/api/v1/me/imports");
    expect(jobs.body.items ?? jobs.body).toEqual([]);
  });

  it("rejects out-of-range rows, keeps data", async () => {
    const user = await signIn(subject);
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-04-01", ml: 500 });
    const entry = { date: "2026-04-01", version: 1, createdAt: "2026-04-01T08:00:00.000Z" };
    const crafted = {
      format: "fitcoach-export",
      version: 1,
      profile: {},
      sections: {
        water: [{ ...entry, ml: 999_999 }],
        mood: [{ ...entry, score: 9, tags: ["ok"], note: "" }],
        sleep: [
          {
            ...entry,
            bedtimeLocal: "2026-03-31T20:00",
            wakeLocal: "2026-04-01T07:00",
            timeZone: "Mars/Olympus_Mons",
            bedtimeAt: "2026-03-31T20:00:00.000Z",
            wakeAt: "2026-04-01T07:00:00.000Z",
            durationMin: 5_000,
            quality: 3,
            phases: { deepMin: 99_999 },
          },
        ],
        days: [{ date: "1800-01-01", tags: [], note: "" }],
        steps: [{ ...entry, date: "2026-04-09", count: 10 }],
        body: [
          { ...entry, weightValue: 5_000, weightUnit: "lb", weightKg: 80 },
          { ...entry, waistUnit: "span", bodyFatPercent: 20 },
        ],
      },
    };

    const refused = await upload(user, { format: "fitcoach-json" }, JSON.stringify(crafted));
    const water = await call(subject, user, "GET", "/api/v1/water?from=2026-01-01&to=2026-12-31");
    const imports = await call(subject, user, "GET", "/api/v1/me/imports");

    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe("/problems/validation-failed");
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual([
      "sections.water[0].ml",
      "sections.mood[0].score",
      "sections.sleep[0].phases.deepMin",
      "sections.sleep[0].durationMin",
      "sections.sleep[0].timeZone",
      "sections.days[0].date",
      "sections.steps[0].date",
      "sections.body[0].weightValue",
      "sections.body[1].waistUnit",
    ]);
    expect(refused.body.errors[0].message).toContain("5000");
    expect(water.body.items.map((item: { ml: number }) => item.ml)).toEqual([500]);
    expect(imports.body.items).toEqual([]);
  });

  it("reads a Strong export with semicolons and decimal commas", async () => {
    const user = await signIn(subject);
    const file = readFileSync(path.join(FIXTURES, "strong-semicolon-decimal-comma.csv"));

    const job = await importAndWait(
      user,
      { format: "strong-csv", unit: "kg", timeZone: "Europe/Berlin" },
      file,
    );
    const list = await call(subject, user, "GET", "/api/v1/workouts?from=2024-03-01&to=2024-03-31");

    expect(job.status).toBe("completed");
    expect(job.added).toEqual({ workouts: 2 });
    const [push, cardio] = list.body.items;
    expect(push).toMatchObject({
      date: "2024-03-05",
      title: "Push Day",
      durationMin: 65,
      intensity: 4,
      startedAt: "2024-03-05T17:30:12.000Z",
      source: "strong-csv",
    });
    expect(push.exercises[0]).toMatchObject({ exerciseId: null, name: "Bench Press (Barbell)" });
    expect(push.exercises[0].sets[0]).toMatchObject({ reps: 8, weightKg: 62.5, weightUnit: "kg" });
    expect(push.exercises[1].exerciseId).toBe("Barbell_Squat");
    expect(cardio.notes).toBe("Easy; felt good");
    expect(cardio.exercises[0].sets[0]).toMatchObject({ durationSec: 1800, distanceM: 5000 });
  });

  it("reads a Strong export with day-first dates and pounds", async () => {
    const user = await signIn(subject);
    const file = readFileSync(path.join(FIXTURES, "strong-day-first-lb.csv"));

    const job = await importAndWait(user, { format: "strong-csv", timeZone: "UTC" }, file);
    const list = await call(subject, user, "GET", "/api/v1/workouts?from=2024-03-01&to=2024-04-30");

    expect(job.added).toEqual({ workouts: 2 });
    expect(list.body.items[0].date).toBe("2024-03-14");
    expect(list.body.items[0].exercises[0].sets[1]).toMatchObject({
      weightLb: 235.5,
      weightUnit: "lb",
    });
    expect(list.body.items[1].date).toBe("2024-04-02");
    expect(list.body.items[1].exercises[0].sets[0].distanceM).toBe(4988.97);
  });

  it("reads Hevy exports with French and English months", async () => {
    const user = await signIn(subject);
    const french = readFileSync(path.join(FIXTURES, "hevy-french-months.csv"));
    const english = readFileSync(path.join(FIXTURES, "hevy-english-lbs.csv"));

    const first = await importAndWait(
      user,
      { format: "hevy-csv", timeZone: "Europe/Paris" },
      french,
    );
    const second = await importAndWait(
      user,
      { format: "hevy-csv", timeZone: "America/Chicago" },
      english,
    );
    const list = await call(subject, user, "GET", "/api/v1/workouts?from=2024-01-01&to=2024-02-28");

    expect(first.added).toEqual({ workouts: 2 });
    expect(second.added).toEqual({ workouts: 1 });
    const [legs, upper, pulls] = list.body.items;
    expect(legs).toMatchObject({ date: "2024-01-08", durationMin: 65, notes: "Séance du soir" });
    expect(legs.exercises[0].sets[1]).toMatchObject({ weightKg: 100.5, reps: 5 });
    expect(legs.exercises[1].sets[0].durationSec).toBe(90);
    expect(upper).toMatchObject({ startedAt: "2024-01-09T00:05:00.000Z", durationMin: 55 });
    expect(upper.exercises[0].sets[1]).toMatchObject({ weightLb: 185.5, weightUnit: "lb" });
    expect(pulls.date).toBe("2024-02-03");
  });

  it("skips workouts already imported from another copy", async () => {
    const user = await signIn(subject);
    const file = readFileSync(path.join(FIXTURES, "hevy-french-months.csv"), "utf8");

    await importAndWait(user, { format: "hevy-csv", timeZone: "Europe/Paris" }, file);
    const again = await importAndWait(
      user,
      { format: "hevy-csv", timeZone: "Europe/Paris" },
      `${file}\n`,
    );

    expect(again.status).toBe("completed");
    expect(again.duplicateOf).toBeNull();
    expect(again.added).toEqual({ workouts: 0 });
  });

  it("reports unreadable rows with their line", async () => {
    const user = await signIn(subject);
    const file =
      "Date,Workout Name,Exercise Name,Set Order,Weight,Reps\n2024-13-45 10:00,X,Squat,1,100,5\n";

    const refused = await upload(user, { format: "strong-csv" }, file);

    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe("/problems/validation-failed");
    expect(refused.body.detail).toBe('Line 2: the date "2024-13-45 10:00" cannot be read.');
    expect(refused.body.errors).toEqual([
      { field: "file", message: 'Line 2: the date "2024-13-45 10:00" cannot be read.' },
    ]);
  });

  it("fails an import whose run was interrupted", async () => {
    const user = await signIn(subject);
    const started = await upload(user, { format: "strong-csv" }, "Date,Exercise Name,Reps\n");
    await subject.deps.database.db
      .update(importJobs)
      .set({ status: "running" })
      .where(eq(importJobs.id, started.body.id));

    await subject.app.services.dataTransfer.runImport(started.body.id);
    const job = await call(subject, user, "GET", `/api/v1/me/imports/${started.body.id}`);

    expect(job.body.status).toBe("failed");
    expect(job.body.error).toBe(
      "The import was interrupted and nothing was added; upload the file again.",
    );
  });

  it("holds the waiting limit for parallel uploads", async () => {
    const user = await signIn(subject);

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        upload(
          user,
          { format: "strong-csv" },
          `Date,Exercise Name,Reps\n${"\n".repeat(index + 1)}`,
        ),
      ),
    );

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 202)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it("limits imports waiting at once", async () => {
    const user = await signIn(subject);
    for (let index = 0; index < 3; index += 1) {
      const started = await upload(
        user,
        { format: "strong-csv" },
        `Date,Exercise Name,Reps\n\n${"\n".repeat(index)}`,
      );
      expect(started.status).toBe(202);
    }

    const fourth = await upload(
      user,
      { format: "strong-csv" },
      "Date,Exercise Name,Reps\n\n\n\n\n",
    );
    await subject.deps.jobs.runOnce();
    const afterRun = await upload(
      user,
      { format: "strong-csv" },
      "Date,Exercise Name,Reps\n\n\n\n\n\n",
    );

    expect(fourth.status).toBe(429);
    expect(fourth.body.type).toBe("/problems/rate-limited");
    expect(afterRun.status).toBe(202);
  });

  it("rejects bad form fields, big files and foreign imports", async () => {
    const user = await signIn(subject);
    const other = await signIn(subject);

    const badFormat = await upload(user, { format: "excel" }, "x");
    const tooBig = await upload(user, { format: "strong-csv" }, "x".repeat(300_000));
    const started = await upload(user, { format: "strong-csv" }, "Date,Exercise Name,Reps\n");
    const foreign = await call(subject, other, "GET", `/api/v1/me/imports/${started.body.id}`);

    expect(badFormat.status).toBe(400);
    expect(badFormat.body.errors[0].field).toBe("format");
    expect(tooBig.status).toBe(413);
    expect(foreign.status).toBe(404);
  });

  it("neutralises formulas in the CSV zip", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me/export?format=csv",
      headers: source.headers,
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(response.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      "auditEvents.csv",
      "body.csv",
      "coachCalls.csv",
      "coachConversations.csv",
      "coachMealPlans.csv",
      "coachMessages.csv",
      "coachPrivacy.csv",
      "coachProgramSets.csv",
      "coachPrograms.csv",
      "customFoodPortions.csv",
      "customFoods.csv",
      "days.csv",
      "goals.csv",
      "imports.csv",
      "knownDevices.csv",
      "mealItems.csv",
      "meals.csv",
      "mood.csv",
      "notifications.csv",
      "profile.csv",
      "pushSubscriptions.csv",
      "reminderDeliveries.csv",
      "reminderRules.csv",
      "reminderSettings.csv",
      "savedMealItems.csv",
      "savedMeals.csv",
      "sessions.csv",
      "sleep.csv",
      "steps.csv",
      "water.csv",
      "workout_sets.csv",
      "workouts.csv",
    ]);
    const mood = strFromU8(files["mood.csv"]!);
    expect(mood).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(strFromU8(files["days.csv"]!)).toContain(`"# Prague\n+ long walk"`);
    expect(strFromU8(files["workouts.csv"]!)).toContain("'- intervals");
    const messages = strFromU8(files["coachMessages.csv"]!).split("\r\n");
    expect(messages[0]).toBe("conversationId,position,id,role,content,provider,createdAt");
    expect(messages[1]).toContain(",1,");
    expect(messages[1]).toContain("'=SUM(A1:A2) how much protein?");
    expect(strFromU8(files["notifications.csv"]!)).toContain("'+ a glass now");
    expect(strFromU8(files["mealItems.csv"]!)).toContain("Coffee with milk");
    expect(strFromU8(files["meals.csv"]!)).not.toContain("Coffee with milk");
    expect(strFromU8(files["coachProgramSets.csv"]!)).toContain("Barbell_Squat");
    expect(strFromU8(files["pushSubscriptions.csv"]!)).not.toContain(PUSH_SECRETS.auth);
  });

  it("needs a verified email and a recent login", async () => {
    const unverified = await registerAndLogin(
      subject.app,
      subject.logs,
      () => subject.deps.jobs.runOnce(),
      {
        verify: false,
      },
    );
    const notVerified = await call(
      subject,
      { headers: bearer(unverified.accessToken) },
      "GET",
      "/api/v1/me/export",
    );
    const user = await signIn(subject);
    clock.advance(6 * 60_000);

    const stale = await call(subject, user, "GET", "/api/v1/me/export");

    expect(notVerified.status).toBe(403);
    expect(notVerified.body.type).toBe("/problems/email-not-verified");
    expect(stale.status).toBe(401);
    expect(stale.body.reason).toBe("reauthentication");
  });

  it("records the export in the audit log", async () => {
    const audit = await call(subject, source, "GET", "/api/v1/me/audit?limit=50");

    const exports = audit.body.items.filter(
      (item: { event: string }) => item.event === "account.export",
    );
    expect(exports.length).toBeGreaterThan(0);
    expect(exports[0].metadata).toMatchObject({ version: 2 });
  });
});
