import type { CoachArea, Fact } from "@fitcoach/contract";

import type { CoachContext } from "./coach-context";
import type { CoachDay } from "./coach-data";

/** Hours of sleep suggested for adults when the user set no sleep goal. */
export const DEFAULT_SLEEP_HOURS = 7;

/** A number about one day, how it compares with its target, and the consent area it belongs to. */
export interface DayFact extends Fact {
  id: string;
  area: CoachArea;
  status: "good" | "short" | "over" | "info";
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Energy, protein and fiber targets: the user's own goals first, then the computed targets. */
export function nutritionTargets(
  context: Pick<CoachContext, "goals" | "targets">,
): { kcal: number; protein: number; fiber: number | null } | null {
  const kcal = context.goals?.kcal ?? context.targets?.kcal ?? null;
  const protein = context.goals?.protein ?? context.targets?.protein ?? null;
  if (kcal === null || protein === null) return null;
  return { kcal, protein, fiber: context.targets?.fiber ?? null };
}

export function waterTargetMl(context: Pick<CoachContext, "goals" | "waterGoalMl">): number {
  return context.goals?.waterMl ?? context.waterGoalMl;
}

export function sleepTargetHours(context: CoachContext): number {
  const minutes = context.goals?.sleepMinutes;
  return minutes ? round(minutes / 60, 1) : DEFAULT_SLEEP_HOURS;
}

/** Rates a value against a target it should reach at least `share` of; info without a target. */
function reachedStatus(value: number, target: number | null, share: number): DayFact["status"] {
  if (target === null) return "info";
  return value >= target * share ? "good" : "short";
}

function moodStatus(score: number): DayFact["status"] {
  if (score >= 4) return "good";
  if (score <= 2) return "short";
  return "info";
}

function nutritionFacts(day: CoachDay, context: CoachContext): Omit<DayFact, "id">[] {
  const facts: Omit<DayFact, "id">[] = [];
  const targets = nutritionTargets(context);
  if (day.nutrition) {
    const { kcal, protein, fiber } = day.nutrition;
    const kcalTarget = targets?.kcal ?? null;
    facts.push({
      area: "meals",
      label: "Energy",
      value: round(kcal),
      unit: "kcal",
      target: kcalTarget,
      status:
        kcalTarget === null
          ? "info"
          : Math.abs(kcal - kcalTarget) <= kcalTarget * 0.1
            ? "good"
            : kcal < kcalTarget
              ? "short"
              : "over",
    });
    const proteinTarget = targets?.protein ?? null;
    facts.push({
      area: "meals",
      label: "Protein",
      value: round(protein),
      unit: "g",
      target: proteinTarget,
      status: reachedStatus(protein, proteinTarget, 0.9),
    });
    const fiberTarget = targets?.fiber ?? null;
    facts.push({
      area: "meals",
      label: "Fiber",
      value: round(fiber),
      unit: "g",
      target: fiberTarget,
      status: reachedStatus(fiber, fiberTarget, 0.9),
    });
  }
  if (day.waterMl !== null) {
    const target = waterTargetMl(context);
    facts.push({
      area: "meals",
      label: "Water",
      value: round(day.waterMl),
      unit: "ml",
      target,
      status: day.waterMl >= target ? "good" : "short",
    });
  }
  return facts;
}

function activityFacts(day: CoachDay, context: CoachContext): Omit<DayFact, "id">[] {
  const facts: Omit<DayFact, "id">[] = [];
  if (day.sleep) {
    const hours = round(day.sleep.durationMinutes / 60, 1);
    const target = sleepTargetHours(context);
    facts.push({
      area: "sleep",
      label: "Sleep",
      value: hours,
      unit: "hours",
      target,
      status: hours >= target - 0.25 ? "good" : "short",
    });
  }
  if (day.steps !== null) {
    const target = context.goals?.steps ?? null;
    facts.push({
      area: "workouts",
      label: "Steps",
      value: day.steps,
      unit: "steps",
      target,
      status: reachedStatus(day.steps, target, 1),
    });
  }
  if (day.workouts.length > 0) {
    const minutes = day.workouts.reduce((sum, workout) => sum + (workout.durationMinutes ?? 0), 0);
    facts.push({
      area: "workouts",
      label: "Training",
      value: minutes,
      unit: "minutes",
      target: null,
      status: "good",
    });
  }
  if (day.mood) {
    facts.push({
      area: "mood",
      label: "Mood",
      value: day.mood.score,
      unit: "of 5",
      target: null,
      status: moodStatus(day.mood.score),
    });
  }
  if (day.weightKg !== null) {
    facts.push({
      area: "weight",
      label: "Weight",
      value: day.weightKg,
      unit: "kg",
      target: context.goals?.targetWeightKg ?? null,
      status: "info",
    });
  }
  return facts;
}

/** Lists the facts of one day card, numbered f1, f2, … for models to cite. */
export function dayFacts(day: CoachDay | null, context: CoachContext): DayFact[] {
  if (!day) return [];
  return [...nutritionFacts(day, context), ...activityFacts(day, context)].map((fact, index) => ({
    ...fact,
    id: `f${index + 1}`,
  }));
}

/** Returns the public shape of a fact, without its id, area and status. */
export function toBasis(fact: DayFact): Fact {
  return { label: fact.label, value: fact.value, unit: fact.unit, target: fact.target };
}
