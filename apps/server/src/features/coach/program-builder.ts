import type { ProgramGoal, ProgramRequest } from "@fitcoach/contract";

import type { CatalogExercise } from "./coach-data";
import type { ProgramSchedule } from "./coach.tables";
import { SESSION_LAYOUTS, type ExerciseSlot } from "./program-sessions";
import { epleyShareForReps } from "./strength";

/** Every n-th week is a deload week. */
export const DELOAD_EVERY_WEEKS = 4;
/** Deload weeks keep this share of the sets (rounded, at least one) and of cardio minutes. */
export const DELOAD_VOLUME_SHARE = 0.6;
/** Deload weeks lift this share of the previous loading week's load. */
export const DELOAD_LOAD_SHARE = 0.9;
/** Bodyweight exercises add one rep per loading week, up to this many above the start. */
export const BODYWEIGHT_EXTRA_REPS_MAX = 6;
/** Cardio minutes grow by this share per loading week. */
export const CARDIO_GROWTH_PER_WEEK = 0.1;
/** Sessions need at least this many exercises to be worth doing; fewer means too little equipment. */
const SESSION_EXERCISES_MIN = 3;

/** Sets, reps, starting load and weekly load step of each goal; loads in % of one-rep max. */
export const GOAL_SCHEMES: Record<
  ProgramGoal,
  { sets: number; reps: number; startPercent: number; stepPercent: number; restSeconds: number }
> = {
  strength: { sets: 5, reps: 5, startPercent: 72.5, stepPercent: 2.5, restSeconds: 180 },
  hypertrophy: { sets: 3, reps: 10, startPercent: 62.5, stepPercent: 2, restSeconds: 90 },
  endurance: { sets: 3, reps: 15, startPercent: 55, stepPercent: 2, restSeconds: 45 },
  general: { sets: 3, reps: 8, startPercent: 65, stepPercent: 2.5, restSeconds: 90 },
};

const CARDIO_START_MINUTES = 20;

/** Returns the maximum load for `reps`: Epley's load for one rep more, so one rep stays in reserve. */
export function loadCapPercent(reps: number): number {
  return Math.floor(epleyShareForReps(reps + 1) * 200) / 2;
}

function roundHalf(value: number): number {
  return Math.round(value * 2) / 2;
}

function roundDownToPlate(weightKg: number): number {
  return Math.floor(weightKg / 2.5) * 2.5;
}

export class ProgramInfeasibleError extends Error {
  override readonly name = "ProgramInfeasibleError";
}

function levelsUpTo(level: ProgramRequest["level"]): CatalogExercise["level"][] {
  if (level === "beginner") return ["beginner"];
  if (level === "intermediate") return ["beginner", "intermediate"];
  return ["beginner", "intermediate", "expert"];
}

/**
 * Ranks the exercises that fit a slot: the slot's preferred lifts first, in their order, then
 * catalog exercises for the slot's muscles (compound before isolation when the slot requires it).
 */
function candidatesFor(
  slot: ExerciseSlot,
  exercises: readonly CatalogExercise[],
): CatalogExercise[] {
  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const preferred = slot.preferredIds.flatMap((id) => {
    const exercise = byId.get(id);
    return exercise ? [exercise] : [];
  });
  const rest = exercises
    .filter(
      (exercise) =>
        !slot.preferredIds.includes(exercise.id) &&
        exercise.category === slot.category &&
        exercise.force !== "static" &&
        exercise.primaryMuscles.some((muscle) => slot.muscles.includes(muscle)),
    )
    .sort(
      (left, right) =>
        Number(slot.compound && right.mechanic === "compound") -
          Number(slot.compound && left.mechanic === "compound") ||
        slot.muscles.indexOf(left.primaryMuscles[0]!) -
          slot.muscles.indexOf(right.primaryMuscles[0]!) ||
        (left.id < right.id ? -1 : 1),
    );
  return [...preferred, ...rest];
}

interface ChosenExercise {
  exercise: CatalogExercise;
  isCardio: boolean;
}

function chooseSessionExercises(
  slots: readonly ExerciseSlot[],
  variant: number,
  exercises: readonly CatalogExercise[],
): ChosenExercise[] {
  const chosen: ChosenExercise[] = [];
  for (const slot of slots) {
    const candidates = candidatesFor(slot, exercises).filter(
      (candidate) => !chosen.some((item) => item.exercise.id === candidate.id),
    );
    if (candidates.length === 0) continue;
    chosen.push({
      exercise: candidates[variant % candidates.length]!,
      isCardio: slot.category === "cardio",
    });
  }
  return chosen;
}

type Prescription = ProgramSchedule[number]["sessions"][number]["exercises"][number];

function prescribe(
  chosen: ChosenExercise,
  goal: ProgramGoal,
  loadingWeeksBefore: number,
  isDeload: boolean,
  oneRepMaxes: ReadonlyMap<string, number>,
): Prescription {
  const scheme = GOAL_SCHEMES[goal];
  const { exercise } = chosen;
  const base = {
    exerciseId: exercise.id,
    name: exercise.name,
    equipment: exercise.equipment,
    primaryMuscles: exercise.primaryMuscles,
  };
  const deloadSets = Math.max(1, Math.round(scheme.sets * DELOAD_VOLUME_SHARE));
  // A deload week repeats the previous loading week's step, lightened.
  const step = isDeload ? Math.max(loadingWeeksBefore - 1, 0) : loadingWeeksBefore;

  if (chosen.isCardio) {
    const minutes = CARDIO_START_MINUTES * (1 + CARDIO_GROWTH_PER_WEEK * step);
    return {
      ...base,
      sets: 1,
      reps: null,
      durationMinutes: Math.round(isDeload ? minutes * DELOAD_VOLUME_SHARE : minutes),
      percentOneRepMax: null,
      weightKg: null,
      restSeconds: 0,
    };
  }

  const sets = isDeload ? deloadSets : scheme.sets;
  const isBodyweight = exercise.equipment === null || exercise.equipment === "body only";
  if (isBodyweight) {
    const startReps = Math.max(scheme.reps, 8);
    return {
      ...base,
      sets,
      reps: startReps + Math.min(step, BODYWEIGHT_EXTRA_REPS_MAX),
      durationMinutes: null,
      percentOneRepMax: null,
      weightKg: null,
      restSeconds: scheme.restSeconds,
    };
  }

  const loading = Math.min(
    scheme.startPercent + scheme.stepPercent * step,
    loadCapPercent(scheme.reps),
  );
  const percent = isDeload ? roundHalf(loading * DELOAD_LOAD_SHARE) : loading;
  const oneRepMax = oneRepMaxes.get(exercise.id);
  return {
    ...base,
    sets,
    reps: scheme.reps,
    durationMinutes: null,
    percentOneRepMax: percent,
    weightKg: oneRepMax === undefined ? null : roundDownToPlate((oneRepMax * percent) / 100),
    restSeconds: scheme.restSeconds,
  };
}

export function programRule(goal: ProgramGoal): string {
  const scheme = GOAL_SCHEMES[goal];
  return (
    `${scheme.sets} sets of ${scheme.reps} at ${scheme.startPercent} % of the estimated one-rep max, ` +
    `plus ${scheme.stepPercent} points each loading week up to ${loadCapPercent(scheme.reps)} % ` +
    `(Epley's load for ${scheme.reps + 1} reps, so one rep stays in reserve). Every ` +
    `${DELOAD_EVERY_WEEKS}th week is a deload: ${Math.round(DELOAD_VOLUME_SHARE * 100)} % of the ` +
    `sets at ${Math.round(DELOAD_LOAD_SHARE * 100)} % of the previous week's load. Bodyweight ` +
    `exercises add one rep per loading week (at most ${BODYWEIGHT_EXTRA_REPS_MAX}); cardio adds ` +
    `${Math.round(CARDIO_GROWTH_PER_WEEK * 100)} % of its starting minutes. Loads in kg come from ` +
    "your logged sets (Epley estimate, rounded down to 2.5 kg) and are empty when none are logged."
  );
}

/**
 * Builds a program of `weeks` weeks from the catalog: the session layout for the days per week,
 * exercises the equipment and level allow, and the goal's progression with deload weeks.
 * Throws ProgramInfeasibleError when the equipment leaves too few exercises for a session.
 */
export function buildProgram(
  request: ProgramRequest,
  catalog: readonly CatalogExercise[],
  oneRepMaxes: ReadonlyMap<string, number>,
): { name: string; rule: string; schedule: ProgramSchedule } {
  const levels = levelsUpTo(request.level);
  const usable = catalog.filter((exercise) => levels.includes(exercise.level));
  const layout = SESSION_LAYOUTS[request.daysPerWeek]!;
  const sessions = layout.map((session) => {
    const slots =
      request.goal === "endurance" ? [...session.slots, CARDIO_SLOT] : [...session.slots];
    const chosen = chooseSessionExercises(slots, session.variant, usable);
    if (chosen.filter((item) => !item.isCardio).length < SESSION_EXERCISES_MIN) {
      throw new ProgramInfeasibleError(
        `The equipment ${request.equipment.length > 0 ? `(${request.equipment.join(", ")}) ` : ""}` +
          `leaves fewer than ${SESSION_EXERCISES_MIN} exercises for the ${session.name} session; add equipment.`,
      );
    }
    return { name: session.name, chosen };
  });

  const schedule: ProgramSchedule = [];
  let loadingWeeks = 0;
  for (let week = 1; week <= request.weeks; week += 1) {
    const isDeload = week % DELOAD_EVERY_WEEKS === 0;
    schedule.push({
      week,
      isDeload,
      sessions: sessions.map((session, index) => ({
        session: index + 1,
        name: session.name,
        exercises: session.chosen.map((chosen) =>
          prescribe(chosen, request.goal, loadingWeeks, isDeload, oneRepMaxes),
        ),
      })),
    });
    if (!isDeload) loadingWeeks += 1;
  }

  return {
    name: `${request.weeks}-week ${request.goal} program, ${request.daysPerWeek} ${request.daysPerWeek === 1 ? "day" : "days"} a week`,
    rule: programRule(request.goal),
    schedule,
  };
}

const CARDIO_SLOT: ExerciseSlot = {
  muscles: ["quadriceps", "hamstrings", "calves"],
  compound: false,
  category: "cardio",
  preferredIds: ["Trail_Running_Walking", "Rope_Jumping", "Bicycling", "Rowing_Stationary"],
};
