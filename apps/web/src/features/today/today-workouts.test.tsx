import { afterEach, describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Me, Workout } from "@fitcoach/contract";

import { FakeDayStore } from "../../test/fake-day-store";
import { makeMe } from "../../test/make-me";
import { renderApp, stopServers } from "../../test/render-app";
import { bodiesOf, routeTable } from "../../test/route-table";

afterEach(stopServers);

const DATE = "2026-03-29";

const RUNNING = {
  id: "Running_Treadmill",
  name: "Running, Treadmill",
  category: "cardio",
  level: "beginner",
  force: null,
  mechanic: null,
  equipment: "machine",
  primaryMuscles: ["quadriceps"],
  secondaryMuscles: [],
};

async function openDay(
  store: FakeDayStore,
  me: Me = makeMe(),
): Promise<Awaited<ReturnType<typeof renderApp>>> {
  const app = await renderApp(
    `/day/${DATE}`,
    routeTable({
      "GET /api/v1/me": me,
      "GET /api/v1/exercises": { items: [RUNNING], nextCursor: null },
      ...store.routes(),
    }),
    { accessToken: "a1", session: "signed-in" },
  );
  await screen.findByRole("region", { name: "Workouts" });
  return app;
}

function storeSquats(store: FakeDayStore): Workout {
  const set = {
    reps: 5,
    weightKg: 100,
    weightLb: 220.46,
    weightUnit: "kg" as const,
    durationSec: null,
    distanceM: null,
    estimatedOneRepMaxKg: 112.5,
  };
  const workout: Workout = {
    ...store.meta(),
    startedAt: null,
    title: "Leg day",
    durationMin: 45,
    intensity: 3,
    avgHeartRate: null,
    notes: null,
    load: 270,
    volumeKg: 1000,
    source: "manual",
    exercises: [{ exerciseId: "Barbell_Squat", name: "Barbell Squat", sets: [set, set] }],
  };
  store.workouts.push(workout);
  return workout;
}

describe("workout distance", () => {
  it("logs a run in miles", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store, makeMe({ units: "imperial" }));
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Workouts" });

    await user.type(within(section).getByLabelText("Duration (minutes)"), "30");
    await user.type(within(section).getByLabelText("Search exercises"), "run");
    await user.click(await within(section).findByRole("button", { name: "Running, Treadmill" }));
    await user.type(within(section).getByLabelText("Set 1: minutes"), "30");
    await user.type(within(section).getByLabelText("Set 1: distance (mi, optional)"), "3.1");
    await user.click(within(section).getByRole("button", { name: "Save workout" }));

    const workout = await within(section).findByRole("article", { name: "Workout 1" });
    expect(within(workout).getByText("30 min, 3.1 mi")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/workouts")).toEqual([
      {
        date: DATE,
        durationMin: 30,
        intensity: 3,
        exercises: [
          { exerciseId: "Running_Treadmill", sets: [{ durationSec: 1800, distanceM: 4988.97 }] },
        ],
      },
    ]);
  });

  it("shows metric distance in km", async () => {
    const store = new FakeDayStore(DATE);
    const app = await openDay(store);
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Workouts" });

    await user.type(within(section).getByLabelText("Duration (minutes)"), "30");
    await user.type(within(section).getByLabelText("Search exercises"), "run");
    await user.click(await within(section).findByRole("button", { name: "Running, Treadmill" }));
    await user.type(within(section).getByLabelText("Set 1: minutes"), "25");
    await user.type(within(section).getByLabelText("Set 1: distance (km, optional)"), "5");
    await user.click(within(section).getByRole("button", { name: "Save workout" }));

    const workout = await within(section).findByRole("article", { name: "Workout 1" });
    expect(within(workout).getByText("25 min, 5 km")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, "POST /api/v1/workouts")[0]).toMatchObject({
      exercises: [{ sets: [{ durationSec: 1500, distanceM: 5000 }] }],
    });
  });
});

describe("editing a workout", () => {
  it("changes duration, intensity and sets", async () => {
    const store = new FakeDayStore(DATE);
    const workout = storeSquats(store);
    const app = await openDay(store);
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Workouts" });

    await user.click(within(section).getByRole("button", { name: "Edit Leg day" }));
    const form = within(section).getByRole("form", { name: "Edit Leg day" });
    expect(within(form).getByLabelText("Name (optional)")).toHaveValue("Leg day");
    const duration = within(form).getByLabelText("Duration (minutes)");
    await user.clear(duration);
    await user.type(duration, "50");
    await user.selectOptions(within(form).getByLabelText("Intensity"), "4");
    const reps = within(form).getByLabelText("Set 2: reps");
    await user.clear(reps);
    await user.type(reps, "3");
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    const card = await within(section).findByRole("article", { name: "Leg day" });
    expect(await within(card).findByText("50 min · intensity 4 of 5")).toBeInTheDocument();
    expect(within(card).getByText("5 × 100 kg, 3 × 100 kg")).toBeInTheDocument();
    expect(bodiesOf(app.server.requests, `PATCH /api/v1/workouts/${workout.id}`)).toEqual([
      {
        title: "Leg day",
        durationMin: 50,
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

  it("keeps imported sets as logged", async () => {
    const store = new FakeDayStore(DATE);
    const workout = storeSquats(store);
    workout.exercises[0]!.exerciseId = null;
    const app = await openDay(store);
    const user = userEvent.setup();
    const section = screen.getByRole("region", { name: "Workouts" });

    await user.click(within(section).getByRole("button", { name: "Edit Leg day" }));
    const form = within(section).getByRole("form", { name: "Edit Leg day" });
    expect(within(form).queryByLabelText("Set 1: reps")).toBeNull();
    await user.click(within(form).getByRole("button", { name: "Save changes" }));

    await within(section).findByRole("button", { name: "Edit Leg day" });
    expect(bodiesOf(app.server.requests, `PATCH /api/v1/workouts/${workout.id}`)).toEqual([
      { title: "Leg day", durationMin: 45, intensity: 3 },
    ]);
  });
});
