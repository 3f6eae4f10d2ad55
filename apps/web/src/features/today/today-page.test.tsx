import { afterEach, describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { BodyEntry, Me, Meal, WaterEntry, Workout } from "@fitcoach/contract";

import { entryMeta, makeDay } from "../../test/make-day";
import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";

afterEach(stopServers);

const DATE = "2026-03-29";

const BANANA = {
  id: "09040",
  name: "Bananas, raw",
  group: "Fruits and Fruit Juices",
  source: "usda-sr28",
  per100g: {
    kcal: 89,
    protein: 1.09,
    carbs: 22.84,
    fat: 0.33,
    fiber: 2.6,
    sugar: 12.23,
    sodiumMg: 1,
    saturatedFat: 0.112,
  },
  portions: [
    { id: "09040-1", amount: 1, unit: "cup, mashed", grams: 225 },
    { id: "09040-2", amount: 1, unit: "medium", grams: 118 },
  ],
};

/** The nutrients the server computes for one medium banana (118 g). */
const MEDIUM_BANANA = {
  kcal: 105.02,
  protein: 1.29,
  carbs: 26.95,
  fat: 0.39,
  fiber: 3.07,
  sugar: 14.43,
  sodiumMg: 1.18,
  saturatedFat: 0.13,
};

function makeBodyEntry(meta: ReturnType<typeof entryMeta>, weightLb: number): BodyEntry {
  const lengths = { Cm: null, In: null, Unit: null };
  const length = (name: string): Record<string, null> =>
    Object.fromEntries(Object.keys(lengths).map((suffix) => [`${name}${suffix}`, null]));
  return {
    ...meta,
    weightKg: Math.round(weightLb * 0.45359237 * 100) / 100,
    weightLb,
    weightUnit: "lb",
    ...length("waist"),
    ...length("hips"),
    ...length("chest"),
    ...length("neck"),
    bodyFatPercent: null,
  } as BodyEntry;
}

/** Builds a fake API that keeps the day's entries in memory, so the card reloads what was written. */
function fakeDayApi(me: Me): {
  handler: ReturnType<typeof routeTable>;
  water: WaterEntry[];
  meals: Meal[];
  workouts: Workout[];
} {
  const water: WaterEntry[] = [];
  const meals: Meal[] = [];
  const workouts: Workout[] = [];
  const body: BodyEntry[] = [];
  let entries = 0;

  const handler = routeTable({
    "GET /api/v1/me": me,
    [`GET /api/v1/days/${DATE}`]: (_request, response) =>
      sendJson(response, 200, makeDay(DATE, { water, meals, workouts, body })),
    "DELETE /api/v1/water/*": (request, response) => {
      const id = request.path.split("/").at(-1);
      water.splice(
        water.findIndex((entry) => entry.id === id),
        1,
      );
      response.writeHead(204);
      response.end();
    },
    "POST /api/v1/body": (request, response) => {
      entries += 1;
      const weightLb = JSON.parse(request.body).weightLb as number;
      const entry = makeBodyEntry(entryMeta(DATE, entries), weightLb);
      body.push(entry);
      sendJson(response, 201, entry);
    },
    "POST /api/v1/water": (request, response) => {
      entries += 1;
      const entry = { ...entryMeta(DATE, entries), ml: JSON.parse(request.body).ml as number };
      water.push(entry);
      sendJson(response, 201, entry);
    },
    "GET /api/v1/foods": { items: [BANANA], nextCursor: null },
    "POST /api/v1/meals": (request, response) => {
      entries += 1;
      const body = JSON.parse(request.body) as { type: Meal["type"] };
      const meta = entryMeta(DATE, entries);
      const meal: Meal = {
        ...meta,
        type: body.type,
        note: null,
        photo: null,
        items: [
          {
            id: "item-1",
            foodId: "09040",
            portionId: "09040-2",
            portionLabel: "medium",
            quantity: 1,
            name: "Bananas, raw",
            grams: 118,
            ...MEDIUM_BANANA,
          },
        ],
        totals: { ...MEDIUM_BANANA, incomplete: [] },
      };
      meals.push(meal);
      sendJson(response, 201, meal);
    },
    "GET /api/v1/exercises": {
      items: [
        {
          id: "Barbell_Squat",
          name: "Barbell Squat",
          category: "strength",
          level: "beginner",
          force: "push",
          mechanic: "compound",
          equipment: "barbell",
          primaryMuscles: ["quadriceps"],
          secondaryMuscles: [],
        },
      ],
      nextCursor: null,
    },
    "POST /api/v1/workouts": (request, response) => {
      entries += 1;
      const body = JSON.parse(request.body) as {
        durationMin: number;
        intensity: number;
        exercises: { sets: { reps: number; weightKg: number }[] }[];
      };
      const workout: Workout = {
        ...entryMeta(DATE, entries),
        startedAt: null,
        title: null,
        durationMin: body.durationMin,
        intensity: body.intensity,
        avgHeartRate: null,
        notes: null,
        load: body.durationMin * body.intensity * 2,
        volumeKg: 1000,
        source: "manual",
        exercises: [
          {
            exerciseId: "Barbell_Squat",
            name: "Barbell Squat",
            sets: body.exercises[0]!.sets.map((set) => ({
              reps: set.reps,
              weightKg: set.weightKg,
              weightLb: Math.round((set.weightKg / 0.45359237) * 100) / 100,
              weightUnit: "kg",
              durationSec: null,
              distanceM: null,
              estimatedOneRepMaxKg: null,
            })),
          },
        ],
      };
      workouts.push(workout);
      sendJson(response, 201, workout);
    },
    [`PATCH /api/v1/days/${DATE}`]: (_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    "POST /api/v1/sleep": (_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        errors: [
          { field: "wakeTime", message: "must be after bedtime and less than 24 hours later" },
        ],
      }),
  });
  return { handler, water, meals, workouts };
}

async function openDay(
  options: { state?: unknown; me?: Me } = {},
): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const { state, me = makeMe() } = options;
  const api = fakeDayApi(me);
  const path = state === undefined ? `/day/${DATE}` : { pathname: `/day/${DATE}`, state };
  const app = await renderApp(path, api.handler, {
    accessToken: "a1",
    session: "signed-in",
  });
  await screen.findByRole("region", { name: "Water" });
  return app;
}

describe("daily card", () => {
  it("adds water and shows the total", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });
    expect(within(water).getByText("0 of 2,500 ml")).toBeInTheDocument();

    await user.click(within(water).getByRole("button", { name: "+250 ml" }));

    expect(await within(water).findByText("250 of 2,500 ml")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/water")).toEqual([{ date: DATE, ml: 250 }]);
    const post = app.server.requests.find((request) => request.method === "POST")!;
    expect(post.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    const entries = within(water).getByRole("list", { name: "Water entries" });
    const items = within(entries).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent("250 ml");
  });

  it("adds a catalog food with server totals", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });

    await user.type(within(meals).getByLabelText("Search foods"), "banana");
    await user.click(await within(meals).findByRole("button", { name: "Bananas, raw" }));
    await user.selectOptions(within(meals).getByLabelText("Portion"), "09040-2");
    await user.click(within(meals).getByRole("button", { name: "Add to meal" }));
    await user.click(within(meals).getByRole("button", { name: "Save meal" }));

    const breakfast = within(meals).getByRole("region", { name: "Breakfast" });
    await within(breakfast).findByText("Bananas, raw");
    expect(within(breakfast).getByText("1 × medium (118 g)")).toBeInTheDocument();
    expect(within(breakfast).getAllByText("105 kcal").length).toBeGreaterThan(0);
    expect(within(meals).getByText("105 kcal of 2,000 kcal").tagName).toBe("DD");
    expect(bodiesOf(app.server.requests, "POST /api/v1/meals")).toEqual([
      {
        date: DATE,
        type: "breakfast",
        items: [{ foodId: "09040", portionId: "09040-2", quantity: 1 }],
        note: null,
      },
    ]);
    expect(app.server.requests.map((request) => request.path)).toContain(
      "/api/v1/foods?q=banana&limit=10",
    );
  });

  it("logs a workout with two sets", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Workouts" });

    await user.type(within(section).getByLabelText("Duration (minutes)"), "45");
    await user.selectOptions(within(section).getByLabelText("Intensity"), "4");
    await user.type(within(section).getByLabelText("Search exercises"), "squat");
    await user.click(await within(section).findByRole("button", { name: "Barbell Squat" }));
    await user.type(within(section).getByLabelText("Set 1: reps"), "5");
    await user.type(within(section).getByLabelText("Set 1: weight (kg, optional)"), "100");
    await user.click(within(section).getByRole("button", { name: "Add set (Barbell Squat)" }));
    await user.clear(within(section).getByLabelText("Set 2: reps"));
    await user.type(within(section).getByLabelText("Set 2: reps"), "3");
    await user.click(within(section).getByRole("button", { name: "Save workout" }));

    const workout = await within(section).findByRole("article", { name: "Workout 1" });
    expect(within(workout).getByText("45 min · intensity 4 of 5")).toBeInTheDocument();
    expect(within(workout).getByText("5 × 100 kg, 3 × 100 kg")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/workouts")).toEqual([
      {
        date: DATE,
        durationMin: 45,
        intensity: 4,
        exercises: [
          {
            exerciseId: "Barbell_Squat",
            sets: [
              { reps: 5, weightKg: 100 },
              { reps: 3, weightKg: 100 },
            ],
          },
        ],
      },
    ]);
  });

  it("shows field errors next to fields", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });
    const sleep = screen.getByRole("region", { name: "Sleep" });

    await user.type(within(water).getByLabelText("Other amount (ml)"), "0");
    await user.click(within(water).getByRole("button", { name: "Add water" }));
    fireEvent.change(within(sleep).getByLabelText("Wake time"), {
      target: { value: "2026-03-28T22:00" },
    });
    await user.click(within(sleep).getByRole("button", { name: "Save sleep" }));

    expect(within(water).getByLabelText("Other amount (ml)")).toHaveAccessibleDescription(
      "Enter at least 1.",
    );
    const wakeTime = within(sleep).getByLabelText("Wake time");
    await waitFor(() =>
      expect(wakeTime).toHaveAccessibleDescription(
        "must be after bedtime and less than 24 hours later",
      ),
    );
    expect(wakeTime).toHaveAttribute("aria-invalid", "true");
    expect(bodiesOf(app.server.requests, "POST /api/v1/water")).toEqual([]);
    expect(bodiesOf(app.server.requests, "POST /api/v1/sleep")).toEqual([
      { bedtime: "2026-03-28T23:00", wakeTime: "2026-03-28T22:00", quality: 3 },
    ]);
  });

  it("prefills the meal from a photo", async () => {
    const app = await openDay({
      state: {
        mealDraft: {
          date: DATE,
          slot: "lunch",
          items: [{ foodId: "09040", grams: 150, description: "Banana" }],
        },
      },
    });
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });
    const draft = within(meals).getByRole("list", { name: "Foods in this meal" });

    expect(within(draft).getByText("Banana", { selector: ".item-title" })).toBeInTheDocument();
    expect(within(draft).getByText("150 g")).toBeInTheDocument();
    expect(within(meals).getByLabelText("Meal")).toHaveValue("lunch");
    await user.click(within(meals).getByRole("button", { name: "Save meal" }));

    await within(meals).findByText("Bananas, raw");
    expect(bodiesOf(app.server.requests, "POST /api/v1/meals")).toEqual([
      { date: DATE, type: "lunch", items: [{ foodId: "09040", grams: 150 }], note: null },
    ]);
  });

  it("previews the note without markup", async () => {
    await openDay();
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Note and tags" });

    await user.type(within(section).getByLabelText("New tag"), "travel{Enter}");
    fireEvent.change(within(section).getByLabelText("Note"), {
      target: { value: "**Long** walk <img src=x onerror=alert(1)>" },
    });
    await user.click(within(section).getByRole("button", { name: "Preview" }));

    const preview = within(section).getByRole("region", { name: "Note preview" });
    expect(within(preview).getByText("Long").tagName).toBe("STRONG");
    expect(preview.querySelector("img")).toBeNull();
    expect(within(section).getByRole("list", { name: "Tags" })).toHaveTextContent("travel");
  });

  it("reports a note changed elsewhere", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Note and tags" });

    await user.type(within(section).getByLabelText("Note"), "Rest day");
    await user.click(within(section).getByRole("button", { name: "Save note and tags" }));

    expect(await within(section).findByRole("alert")).toHaveTextContent(
      "This day was changed on another device.",
    );
    const patch = app.server.requests.find((request) => request.method === "PATCH")!;
    expect(patch.headers["if-match"]).toBe('"v0"');
    expect(JSON.parse(patch.body)).toEqual({ tags: [], note: "Rest day" });
  });

  it("deletes water with If-Match", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const water = screen.getByRole("region", { name: "Water" });
    await user.click(within(water).getByRole("button", { name: "+500 ml" }));
    await within(water).findByText("500 of 2,500 ml");

    await user.click(within(water).getByRole("button", { name: "Delete 500 ml" }));

    expect(await within(water).findByText("0 of 2,500 ml")).toBeInTheDocument();
    const deletion = app.server.requests.find((request) => request.method === "DELETE")!;
    expect(deletion.path).toBe(`/api/v1/water/${entryMeta(DATE, 1).id}`);
    expect(deletion.headers["if-match"]).toBe('"v1"');
  });

  it("logs weight in pounds", async () => {
    const app = await openDay({ me: makeMe({ units: "imperial" }) });
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Body" });

    await user.type(within(section).getByLabelText("Weight (lb)"), "180.5");
    await user.click(within(section).getByRole("button", { name: "Save measurements" }));

    const entry = await within(section).findByRole("listitem");
    expect(entry).toHaveTextContent("180.5 lb");
    expect(bodiesOf(app.server.requests, "POST /api/v1/body")).toEqual([
      { date: DATE, weightLb: 180.5 },
    ]);
  });

  it("adds a food by grams with Enter", async () => {
    const app = await openDay();
    const user = userEvent.setup();
    const meals = screen.getByRole("region", { name: "Meals" });

    await user.type(within(meals).getByLabelText("Search foods"), "banana{Enter}");
    await user.click(await within(meals).findByRole("button", { name: "Bananas, raw" }));
    await user.selectOptions(within(meals).getByLabelText("Portion"), "grams");
    await user.clear(within(meals).getByLabelText("Grams"));
    await user.type(within(meals).getByLabelText("Grams"), "150{Enter}");

    const draft = within(meals).getByRole("list", { name: "Foods in this meal" });
    expect(within(draft).getByText("150 g")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/meals")).toEqual([]);
  });
});
