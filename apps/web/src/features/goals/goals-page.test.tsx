import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { RecordedRequest } from "@fitcoach/client/test-server";
import type { ServerResponse } from "node:http";
import type { DayCard, Goals } from "@fitcoach/contract";

import { makeDay } from "../../test/make-day";
import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";
import type { Route } from "../../test/route-table";
import { todayIn } from "../today/local-date";

afterEach(stopServers);

function makeGoals(overrides: Partial<Goals> = {}): Goals {
  return {
    targetWeightKg: null,
    targetWeightLb: null,
    targetWeightUnit: null,
    kcal: null,
    proteinG: null,
    carbsG: null,
    fatG: null,
    fiberG: null,
    waterMl: 2500,
    sleepMin: null,
    steps: null,
    weeklyWorkouts: null,
    version: 0,
    ...overrides,
  };
}

/** Returns a PATCH /goals handler that sends the goals merged with the body, one version up. */
function patchGoals(current: Goals): Route {
  return (request: RecordedRequest, response: ServerResponse) => {
    const body = JSON.parse(request.body) as Partial<Goals>;
    sendJson(response, 200, { ...current, ...body, version: current.version + 1 });
  };
}

function goalRoutes(
  goals: Goals,
  extra: Record<string, Route | object> = {},
  progress: DayCard["goals"] = [],
): Parameters<typeof routeTable>[0] {
  return {
    "GET /api/v1/goals": goals,
    "PATCH /api/v1/goals": patchGoals(goals),
    "GET /api/v1/days/*": makeDay(todayIn("Europe/Prague"), {}, { goals: progress }),
    ...extra,
  };
}

async function openCard(name: string): Promise<HTMLElement> {
  return screen.findByRole("region", { name });
}

async function fill(card: HTMLElement, label: string, text: string): Promise<void> {
  const user = userEvent.setup();
  const input = within(card).getByLabelText(label);
  await user.clear(input);
  if (text) await user.type(input, text);
}

describe("goals page", () => {
  it("saves the water goal", async () => {
    const app = await renderApp("/goals", routeTable(goalRoutes(makeGoals({ version: 2 }))), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Water");

    await fill(card, "Water per day (ml)", "3000");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    expect(await within(card).findByText("Saved.")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([{ waterMl: 3000 }]);
    const request = app.server.requests.find((item) => item.method === "PATCH")!;
    expect(request.headers["if-match"]).toBe('"v2"');
    expect(request.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(within(card).getByLabelText("Water per day (ml)")).toHaveValue("3000");
  });

  it("sends the weight in pounds for imperial users", async () => {
    const app = await renderApp(
      "/goals",
      routeTable(goalRoutes(makeGoals(), { "GET /api/v1/me": makeMe({ units: "imperial" }) })),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Weight");

    await fill(card, "Target weight (lb)", "150,5");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    await within(card).findByText("Saved.");
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([
      { targetWeightLb: 150.5 },
    ]);
  });

  it("sends sleep hours as minutes", async () => {
    const app = await renderApp("/goals", routeTable(goalRoutes(makeGoals())), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Sleep");

    await fill(card, "Sleep per night (hours)", "7.5");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    await within(card).findByText("Saved.");
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([{ sleepMin: 450 }]);
    expect(within(card).getByLabelText("Sleep per night (hours)")).toHaveValue("7.5");
  });

  it("rejects too few kcal before sending", async () => {
    const app = await renderApp("/goals", routeTable(goalRoutes(makeGoals())), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Energy and macros");

    await fill(card, "Energy per day (kcal)", "100");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    expect(await within(card).findByText("Enter at least 500.")).toBeInTheDocument();
    expect(within(card).getByLabelText("Energy per day (kcal)")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([]);
  });

  it("rejects text that is not a number", async () => {
    const app = await renderApp("/goals", routeTable(goalRoutes(makeGoals())), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Energy and macros");

    await fill(card, "Protein per day (g)", "abc");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    expect(await within(card).findByText("Enter a number, such as 2500.")).toBeInTheDocument();
    expect(within(card).getByLabelText("Protein per day (g)")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([]);
  });

  it("states the sleep range in hours", async () => {
    await renderApp("/goals", routeTable(goalRoutes(makeGoals())), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Sleep");

    await fill(card, "Sleep per night (hours)", "20");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    expect(await within(card).findByText("Enter between 3 and 15 hours.")).toBeInTheDocument();
  });

  it("shows server field errors", async () => {
    await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals(), {
          "PATCH /api/v1/goals": (_request: RecordedRequest, response: ServerResponse) =>
            sendProblem(response, 400, "validation-failed", {
              errors: [{ field: "steps", message: "must be at most 100000" }],
            }),
        }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Steps");

    await fill(card, "Steps per day", "9000");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    expect(await within(card).findByText("must be at most 100000")).toBeInTheDocument();
    expect(within(card).getByLabelText("Steps per day")).toHaveAttribute("aria-invalid", "true");
    expect(
      within(card).getByText("Some fields are not valid. Check the messages next to them."),
    ).toBeInTheDocument();
  });

  it("clears the nutrition targets", async () => {
    const goals = makeGoals({ kcal: 2100, proteinG: 120, carbsG: 250, fatG: 70, fiberG: 30 });
    const app = await renderApp("/goals", routeTable(goalRoutes(goals)), {
      accessToken: "a1",
      session: "signed-in",
    });
    const card = await openCard("Energy and macros");
    expect(within(card).getByLabelText("Energy per day (kcal)")).toHaveValue("2100");

    await userEvent.setup().click(within(card).getByRole("button", { name: "Clear" }));

    expect(await within(card).findByText("Cleared.")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([
      { kcal: null, proteinG: null, carbsG: null, fatG: null, fiberG: null },
    ]);
    expect(within(card).getByLabelText("Energy per day (kcal)")).toHaveValue("");
  });

  it("reuses the key when retrying", async () => {
    let attempts = 0;
    const app = await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals(), {
          "PATCH /api/v1/goals": (request: RecordedRequest, response: ServerResponse) => {
            attempts += 1;
            if (attempts === 1) return sendProblem(response, 503, "service-unavailable");
            return patchGoals(makeGoals())(request, response);
          },
        }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Workouts");
    const user = userEvent.setup();

    await fill(card, "Workouts per week", "4");
    await user.click(within(card).getByRole("button", { name: "Save" }));
    await within(card).findByRole("alert");
    await user.click(within(card).getByRole("button", { name: "Save" }));

    await within(card).findByText("Saved.");
    const keys = app.server.requests
      .filter((request) => request.method === "PATCH")
      .map((request) => request.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("reports a version conflict", async () => {
    await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals(), {
          "PATCH /api/v1/goals": (_request: RecordedRequest, response: ServerResponse) =>
            sendProblem(response, 412, "precondition-failed"),
        }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Steps");

    await fill(card, "Steps per day", "9000");
    await userEvent.setup().click(within(card).getByRole("button", { name: "Save" }));

    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toMatch(/^Someone changed this in the meantime/);
  });

  it("shows today's progress", async () => {
    await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals({ steps: 8000, weeklyWorkouts: 3 }), {}, [
          { goal: "water", target: 2500, actual: 1500, percent: 60 },
          { goal: "steps", target: 8000, actual: null, percent: null },
          { goal: "weeklyWorkouts", target: 3, actual: 2, percent: 67 },
          { goal: "sleep", target: 450, actual: 420, percent: 93 },
        ]),
      ),
      { accessToken: "a1", session: "signed-in" },
    );

    const water = await openCard("Water");
    expect(await within(water).findByText("Water today: 1,500 ml of 2,500 ml")).toBeInTheDocument();
    expect(within(water).getByRole("progressbar", { name: "Water: 60 % of the goal" })).toHaveValue(
      60,
    );
    const steps = await openCard("Steps");
    expect(within(steps).getByText("Steps: nothing logged yet, goal 8,000")).toBeInTheDocument();
    const workouts = await openCard("Workouts");
    expect(within(workouts).getByText("Workouts this week: 2 of 3")).toBeInTheDocument();
    const sleep = await openCard("Sleep");
    expect(within(sleep).getByText("Sleep today: 7 h of 7.5 h")).toBeInTheDocument();
  });

  it("fills suggested targets for review", async () => {
    const app = await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals(), {
          "GET /api/v1/goals/suggestion": {
            bmrKcal: 1400,
            maintenanceKcal: 2170,
            kcal: 2170,
            proteinG: 102,
            carbsG: 291,
            fatG: 60,
            basis: {
              ageYears: 36,
              sex: "female",
              heightCm: 168,
              weightKg: 64,
              activityFactor: 1.55,
            },
            explanation: "Mifflin-St Jeor basal rate times the activity factor.",
          },
        }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Energy and macros");

    await userEvent
      .setup()
      .click(within(card).getByRole("button", { name: "Fill in suggested targets" }));

    expect(
      await within(card).findByText(/basal rate 1,400 kcal × activity factor 1.55 = 2,170 kcal/),
    ).toBeInTheDocument();
    expect(within(card).getByLabelText("Energy per day (kcal)")).toHaveValue("2170");
    expect(within(card).getByLabelText("Protein per day (g)")).toHaveValue("102");
    expect(within(card).getByLabelText("Carbohydrate per day (g)")).toHaveValue("291");
    expect(within(card).getByLabelText("Fat per day (g)")).toHaveValue("60");
    expect(bodiesOf(app.server.requests, "PATCH /api/v1/goals")).toEqual([]);
  });

  it("explains a suggestion without profile data", async () => {
    await renderApp(
      "/goals",
      routeTable(
        goalRoutes(makeGoals(), {
          "GET /api/v1/goals/suggestion": (_request: RecordedRequest, response: ServerResponse) =>
            sendProblem(response, 422, "unprocessable-content"),
        }),
      ),
      { accessToken: "a1", session: "signed-in" },
    );
    const card = await openCard("Energy and macros");

    await userEvent
      .setup()
      .click(within(card).getByRole("button", { name: "Fill in suggested targets" }));

    const alert = await within(card).findByRole("alert");
    expect(alert.textContent).toBe(
      "A suggestion needs your date of birth, sex, height and activity level in Settings, and a logged weight.",
    );
    expect(within(card).getByLabelText("Energy per day (kcal)")).toHaveValue("");
  });
});
