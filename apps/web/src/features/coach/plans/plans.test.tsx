import { afterEach, describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { MealPlan, Program } from "@fitcoach/contract";

import { renderApp, stopServers } from "../../../test/render-app";
import { bodiesOf, routeTable } from "../../../test/route-table";
import { addDays, todayIn } from "../../today/local-date";

afterEach(stopServers);

const PLAN_ID = "1a2b3c4d-1111-4111-8111-111111111111";
const PROGRAM_ID = "2b3c4d5e-2222-4222-8222-222222222222";
const nutrients = { kcal: 500, protein: 30, carbs: 60, fat: 15, fiber: 8 };

function makePlan(overrides: Partial<MealPlan> = {}): MealPlan {
  return {
    id: PLAN_ID,
    status: "proposed",
    createdAt: "2026-03-29T10:00:00.000Z",
    startDate: null,
    targets: { kcal: 2000, protein: 120, carbs: 240, fat: 60, fiber: 28 },
    tolerancePercent: 5,
    days: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
      day,
      meals: [
        {
          slot: "breakfast" as const,
          items: [{ foodId: "usda-1", description: "Oats, rolled", grams: 80, ...nutrients }],
          totals: nutrients,
        },
      ],
      totals: { kcal: 1985, protein: 121, carbs: 238, fat: 61, fiber: 27 },
      deviationPercent: { kcal: -0.8, protein: 0.8, carbs: -0.8, fat: 1.7 },
    })),
    rule: "Bounded least squares over whole foods, rounded to 5 g.",
    ...overrides,
  };
}

function makeProgram(overrides: Partial<Program> = {}): Program {
  return {
    id: PROGRAM_ID,
    status: "proposed",
    name: "Strength, full body, 3 days",
    goal: "strength",
    level: "beginner",
    daysPerWeek: 3,
    equipment: ["barbell"],
    createdAt: "2026-03-29T10:00:00.000Z",
    startDate: null,
    rule: "5 × 5 from 72.5 % of 1RM, +2.5 points a week, deload every fourth week.",
    weeks: [
      {
        week: 1,
        isDeload: false,
        sessions: [
          {
            session: 1,
            name: "Full body A",
            exercises: [
              {
                exerciseId: "Barbell_Squat",
                name: "Barbell Squat",
                equipment: "barbell",
                primaryMuscles: ["quadriceps"],
                sets: 2,
                reps: 5,
                durationMinutes: null,
                percentOneRepMax: 72.5,
                weightKg: 60,
                restSeconds: 180,
                logged: [],
              },
            ],
          },
        ],
      },
    ],
    progress: { loggedSessions: 0, totalSessions: 1 },
    ...overrides,
  };
}

describe("meal plans", () => {
  it("builds a plan without excluded foods", async () => {
    let plans: MealPlan[] = [];
    const app = await renderApp(
      "/coach/meal-plans",
      routeTable({
        "GET /api/v1/coach/meal-plans": (_request, response) =>
          sendJson(response, 200, { items: plans }),
        "POST /api/v1/coach/meal-plans": (_request, response) => {
          plans = [makePlan()];
          sendJson(response, 201, plans[0]);
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "New 7-day meal plan" });

    await user.click(within(form).getByLabelText("Fish"));
    await user.click(within(form).getByLabelText("Nuts"));
    await user.type(within(form).getByLabelText("Weight (kg, optional)"), "70");
    await user.click(within(form).getByRole("button", { name: "Build a plan" }));

    const plan = await screen.findByRole("region", { name: "Meal plan" });
    expect(bodiesOf(app.server.requests, "POST /api/v1/coach/meal-plans")).toEqual([
      { exclude: ["fish", "nuts"], weightKg: 70 },
    ]);
    expect(within(plan).getByText("Day 1: 1,985 kcal (-0.8 %)")).toBeInTheDocument();
    expect(within(plan).getAllByText("Oats, rolled")).toHaveLength(7);
  });

  it("explains a plan that cannot fit", async () => {
    await renderApp(
      "/coach/meal-plans",
      routeTable({
        "GET /api/v1/coach/meal-plans": { items: [] },
        "POST /api/v1/coach/meal-plans": (_request, response) =>
          sendProblem(response, 422, "unprocessable-content", { detail: "No plan fits." }),
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "New 7-day meal plan" });

    await user.click(within(form).getByRole("button", { name: "Build a plan" }));

    expect(await within(form).findByRole("alert")).toHaveTextContent(
      "No plan within 5 % of your targets can be built from the remaining foods.",
    );
  });

  it("accepts a plan from a start date", async () => {
    const start = addDays(todayIn("Europe/Prague"), 1);
    const app = await renderApp(
      "/coach/meal-plans",
      routeTable({
        "GET /api/v1/coach/meal-plans": { items: [makePlan()] },
        [`POST /api/v1/coach/meal-plans/${PLAN_ID}/accept`]: (request, response) => {
          const { startDate } = JSON.parse(request.body) as { startDate: string };
          sendJson(response, 200, {
            plan: makePlan({ status: "accepted", startDate }),
            days: [0, 1, 2, 3, 4, 5, 6].map((offset) => ({
              date: addDays(startDate, offset),
              mealsCreated: 4,
            })),
          });
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const plan = await screen.findByRole("region", { name: "Meal plan" });

    expect(within(plan).getByLabelText("First day")).toHaveValue(start);
    await user.click(within(plan).getByRole("button", { name: "Accept and pre-fill days" }));

    expect(await within(plan).findByRole("link", { name: start })).toHaveAttribute(
      "href",
      `/day/${start}`,
    );
    expect(within(plan).getAllByText(/4 meals added/)).toHaveLength(7);
    expect(
      bodiesOf(app.server.requests, `POST /api/v1/coach/meal-plans/${PLAN_ID}/accept`),
    ).toEqual([{ startDate: start }]);
  });
});

describe("programs", () => {
  it("builds, follows and logs a program", async () => {
    let program: Program | null = null;
    const app = await renderApp(
      "/coach/programs",
      routeTable({
        "GET /api/v1/coach/programs": (_request, response) =>
          sendJson(response, 200, { items: program ? [program] : [] }),
        "POST /api/v1/coach/programs": (_request, response) => {
          program = makeProgram();
          sendJson(response, 201, program);
        },
        [`POST /api/v1/coach/programs/${PROGRAM_ID}/follow`]: (request, response) => {
          const { startDate } = JSON.parse(request.body) as { startDate: string };
          program = makeProgram({ status: "active", startDate });
          sendJson(response, 200, program);
        },
        [`POST /api/v1/coach/programs/${PROGRAM_ID}/logs`]: (request, response) => {
          const log = JSON.parse(request.body) as {
            exercises: { sets: Program["weeks"][0]["sessions"][0]["exercises"][0]["logged"] }[];
          };
          const base = makeProgram({ status: "active", startDate: "2026-03-29" });
          base.weeks[0]!.sessions[0]!.exercises[0]!.logged = log.exercises[0]!.sets;
          base.progress.loggedSessions = 1;
          program = base;
          sendJson(response, 200, program);
        },
      }),
      { accessToken: "a1", session: "signed-in" },
    );
    const user = userEvent.setup();
    const form = await screen.findByRole("region", { name: "New training program" });

    await user.selectOptions(within(form).getByLabelText("Goal"), "strength");
    await user.selectOptions(within(form).getByLabelText("Days per week"), "3");
    await user.selectOptions(within(form).getByLabelText("Weeks"), "4");
    await user.click(within(form).getByLabelText("Barbell"));
    await user.click(within(form).getByRole("button", { name: "Build a program" }));
    const view = await screen.findByRole("region", { name: "Strength, full body, 3 days" });
    await user.click(within(view).getByRole("button", { name: "Follow this program" }));
    await user.click(await within(view).findByRole("button", { name: /Log this session/ }));
    const log = within(view).getByRole("form", { name: "Log session 1 of week 1" });
    const reps = within(log).getAllByLabelText("Reps");
    await user.clear(reps[1]!);
    await user.type(reps[1]!, "4");
    await user.click(within(log).getByRole("button", { name: "Save session" }));

    expect(await within(view).findByText("Logged: 5 × 60 kg, 4 × 60 kg")).toBeInTheDocument();
    expect(within(view).getByText(/1 of 1 sessions logged/)).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/coach/programs")).toEqual([
      {
        goal: "strength",
        level: "beginner",
        daysPerWeek: 3,
        weeks: 4,
        equipment: ["body only", "dumbbell", "barbell"],
      },
    ]);
    const [logged] = bodiesOf(
      app.server.requests,
      `POST /api/v1/coach/programs/${PROGRAM_ID}/logs`,
    );
    expect(logged).toEqual({
      week: 1,
      session: 1,
      date: todayIn("Europe/Prague"),
      exercises: [
        {
          exerciseId: "Barbell_Squat",
          sets: [
            { reps: 5, weightKg: 60, durationSeconds: null },
            { reps: 4, weightKg: 60, durationSeconds: null },
          ],
        },
      ],
    });
    await waitFor(() =>
      expect(within(view).queryByRole("form", { name: "Log session 1 of week 1" })).toBeNull(),
    );
  });
});
