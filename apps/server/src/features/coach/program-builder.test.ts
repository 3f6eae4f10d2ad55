import { describe, expect, it } from "vitest";

import { loadExercises } from "./catalog-files";
import type { CatalogExercise } from "./coach-data";
import { buildProgram, loadCapPercent, ProgramInfeasibleError } from "./program-builder";

const catalog = loadExercises();

function withEquipment(equipment: string[]): CatalogExercise[] {
  return catalog.filter(
    (exercise) =>
      exercise.equipment === null ||
      exercise.equipment === "body only" ||
      equipment.includes(exercise.equipment),
  );
}

describe("buildProgram", () => {
  const strength = buildProgram(
    {
      goal: "strength",
      equipment: ["barbell", "dumbbell"],
      daysPerWeek: 3,
      weeks: 12,
      level: "beginner",
    },
    withEquipment(["barbell", "dumbbell"]),
    new Map([["Barbell_Squat", 100]]),
  );
  const squatByWeek = strength.schedule.map((week) =>
    week.sessions[0]!.exercises.find((item) => item.exerciseId === "Barbell_Squat")!,
  );

  it("deloads every fourth week", () => {
    expect(strength.schedule.map((week) => week.isDeload)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it("raises the load each loading week up to the cap", () => {
    // 72.5 % plus 2.5 points per loading week, capped at 83 % (Epley for 6 reps); deloads at
    // 90 % of the week before, rounded to half a point.
    expect(squatByWeek.map((item) => item.percentOneRepMax)).toEqual([
      72.5, 75, 77.5, 70, 80, 82.5, 83, 74.5, 83, 83, 83, 74.5,
    ]);
    expect(loadCapPercent(5)).toBe(83);
  });

  it("cuts sets to 60 % in deload weeks", () => {
    expect(squatByWeek.map((item) => item.sets)).toEqual([5, 5, 5, 3, 5, 5, 5, 3, 5, 5, 5, 3]);
    expect(squatByWeek.every((item) => item.reps === 5)).toBe(true);
  });

  it("turns percentages into plate loads from the estimate", () => {
    expect(squatByWeek.map((item) => item.weightKg)).toEqual([
      72.5, 75, 77.5, 70, 80, 82.5, 82.5, 72.5, 82.5, 82.5, 82.5, 72.5,
    ]);
    const unknown = strength.schedule[0]!.sessions[0]!.exercises.find(
      (item) => item.exerciseId !== "Barbell_Squat" && item.percentOneRepMax !== null,
    )!;
    expect(unknown.weightKg).toBeNull();
  });

  it("uses only allowed equipment and days", () => {
    for (const week of strength.schedule) {
      expect(week.sessions).toHaveLength(3);
      for (const session of week.sessions) {
        for (const exercise of session.exercises) {
          expect([null, "body only", "barbell", "dumbbell"]).toContain(exercise.equipment);
        }
      }
    }
  });

  it("progresses bodyweight reps and cardio minutes", () => {
    const endurance = buildProgram(
      { goal: "endurance", equipment: [], daysPerWeek: 4, weeks: 6, level: "intermediate" },
      withEquipment([]),
      new Map(),
    );

    const pushups = endurance.schedule.map((week) =>
      week.sessions[0]!.exercises.find((item) => item.exerciseId === "Pushups")!,
    );
    const cardio = endurance.schedule.map((week) => week.sessions[0]!.exercises.at(-1)!);
    expect(pushups.map((item) => item.reps)).toEqual([15, 16, 17, 17, 18, 19]);
    expect(pushups.map((item) => item.sets)).toEqual([3, 3, 3, 2, 3, 3]);
    expect(pushups.every((item) => item.weightKg === null)).toBe(true);
    expect(cardio.map((item) => item.durationMinutes)).toEqual([20, 22, 24, 14, 26, 28]);
  });

  it("rejects equipment that leaves too few exercises", () => {
    const stretches = catalog.filter((exercise) => exercise.category === "stretching");

    expect(() =>
      buildProgram(
        { goal: "general", equipment: [], daysPerWeek: 2, weeks: 4, level: "beginner" },
        stretches,
        new Map(),
      ),
    ).toThrow(ProgramInfeasibleError);
  });
});
