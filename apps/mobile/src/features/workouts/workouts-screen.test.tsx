import { fireEvent, screen, waitFor } from "expo-router/testing-library";

import { renderFreshApp } from "../../../test/render-app";
import { sendJson, signedInRoutes, startScriptedApi } from "../../../test/scripted-api";
import type { ScriptedApi } from "../../../test/scripted-api";
import { logInThroughScreen, openTab } from "../../../test/sign-in";

let api: ScriptedApi | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

const SQUAT = {
  id: "Barbell_Squat",
  name: "Barbell Squat",
  category: "strength",
  level: "beginner",
  force: "push",
  mechanic: "compound",
  equipment: "barbell",
  primaryMuscles: ["quadriceps"],
  secondaryMuscles: [],
};

const PREVIOUS_SET = {
  reps: 5,
  weightKg: 80,
  weightLb: 176.37,
  weightUnit: "kg",
  durationSec: null,
  distanceM: null,
  estimatedOneRepMaxKg: 93.33,
};

describe("workouts screen", () => {
  it("logs sets of a catalog exercise", async () => {
    const workouts: unknown[] = [];
    api = await startScriptedApi({
      ...signedInRoutes(),
      "GET /api/v1/exercises": (_request, response) =>
        sendJson(response, 200, { items: [SQUAT], nextCursor: null }),
      "GET /api/v1/exercises/Barbell_Squat/previous": (_request, response) =>
        sendJson(response, 200, {
          exerciseId: SQUAT.id,
          workoutId: "5b0e7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
          date: "2026-03-23",
          sets: [PREVIOUS_SET, PREVIOUS_SET],
        }),
      "POST /api/v1/workouts": (request, response) => {
        workouts.push(JSON.parse(request.body));
        sendJson(response, 201, {});
      },
    });
    renderFreshApp();
    await logInThroughScreen(api);
    await openTab("Workouts");

    // The catalog is copied to the device after login; the results appear once it is there.
    fireEvent.changeText(screen.getByLabelText("Find an exercise"), "squat");
    fireEvent.press(await screen.findByRole("button", { name: "Add Barbell Squat" }));

    expect(
      await screen.findByText("Last time (Monday, March 23, 2026): 5 × 80 kg, 5 × 80 kg"),
    ).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText("Reps"), "5");
    fireEvent.changeText(screen.getByLabelText("Weight (kg)"), "82,5");
    fireEvent.press(screen.getByRole("button", { name: "Save workout" }));
    expect(await screen.findByText("This field is required.")).toBeTruthy();
    fireEvent.changeText(screen.getByLabelText("Duration (minutes)"), "45");
    fireEvent.press(screen.getByRole("button", { name: "Save workout" }));

    await waitFor(() => expect(workouts).toHaveLength(1));
    expect(workouts[0]).toMatchObject({
      durationMin: 45,
      intensity: 3,
      exercises: [{ exerciseId: "Barbell_Squat", sets: [{ reps: 5, weightKg: 82.5 }] }],
    });
  });
});
