/** One exercise position in a session: which muscles it trains and which lifts suit it best. */
export interface ExerciseSlot {
  /** Catalog muscle names, in order of preference. */
  muscles: string[];
  compound: boolean;
  category: "strength" | "cardio";
  /** Well-known lifts tried first, in order, when the equipment and level allow them. */
  preferredIds: string[];
}

function slot(muscles: string[], compound: boolean, preferredIds: string[] = []): ExerciseSlot {
  return { muscles, compound, category: "strength", preferredIds };
}

const SQUAT = slot(["quadriceps"], true, [
  "Barbell_Squat",
  "Goblet_Squat",
  "Leg_Press",
  "Dumbbell_Lunges",
  "Bodyweight_Squat",
]);
const HINGE = slot(["hamstrings", "glutes", "lower back"], true, [
  "Romanian_Deadlift",
  "Barbell_Deadlift",
  "Lying_Leg_Curls",
]);
const HORIZONTAL_PUSH = slot(["chest"], true, [
  "Barbell_Bench_Press_-_Medium_Grip",
  "Dumbbell_Bench_Press",
  "Pushups",
]);
const VERTICAL_PUSH = slot(["shoulders"], true, ["Standing_Military_Press"]);
const HORIZONTAL_PULL = slot(["middle back", "lats"], true, [
  "Bent_Over_Barbell_Row",
  "Seated_Cable_Rows",
  "Inverted_Row",
]);
const VERTICAL_PULL = slot(["lats"], true, ["Pullups", "Wide-Grip_Lat_Pulldown", "Chin-Up"]);
const BICEPS = slot(["biceps"], false, ["Barbell_Curl"]);
const TRICEPS = slot(["triceps"], false, ["Dips_-_Triceps_Version"]);
const CALVES = slot(["calves"], false, ["Standing_Calf_Raises"]);
const CORE = slot(["abdominals"], false, ["Crunches"]);
const GLUTES = slot(["glutes", "hamstrings"], false);
const TRAPS = slot(["traps", "shoulders"], false);

/** A session of a weekly layout; `variant` picks the second-ranked lift for B days, and so on. */
export interface SessionLayout {
  name: string;
  variant: number;
  slots: ExerciseSlot[];
}

const FULL_BODY = [SQUAT, HORIZONTAL_PUSH, HORIZONTAL_PULL, HINGE, VERTICAL_PUSH, CORE];
const UPPER = [HORIZONTAL_PUSH, VERTICAL_PULL, VERTICAL_PUSH, HORIZONTAL_PULL, BICEPS, TRICEPS];
const LOWER = [SQUAT, HINGE, GLUTES, CALVES, CORE];
const PUSH = [HORIZONTAL_PUSH, VERTICAL_PUSH, slot(["chest"], false), TRICEPS];
const PULL = [VERTICAL_PULL, HORIZONTAL_PULL, TRAPS, BICEPS];
const LEGS = [SQUAT, HINGE, GLUTES, CALVES, CORE];

/**
 * Sessions per week by days per week: full body for one to three days, an upper/lower split for
 * four, and push/pull/legs for five and six.
 */
export const SESSION_LAYOUTS: Record<number, SessionLayout[]> = {
  1: [{ name: "Full body", variant: 0, slots: FULL_BODY }],
  2: [
    { name: "Full body A", variant: 0, slots: FULL_BODY },
    { name: "Full body B", variant: 1, slots: FULL_BODY },
  ],
  3: [
    { name: "Full body A", variant: 0, slots: FULL_BODY },
    { name: "Full body B", variant: 1, slots: FULL_BODY },
    { name: "Full body C", variant: 2, slots: FULL_BODY },
  ],
  4: [
    { name: "Upper A", variant: 0, slots: UPPER },
    { name: "Lower A", variant: 0, slots: LOWER },
    { name: "Upper B", variant: 1, slots: UPPER },
    { name: "Lower B", variant: 1, slots: LOWER },
  ],
  5: [
    { name: "Push", variant: 0, slots: PUSH },
    { name: "Pull", variant: 0, slots: PULL },
    { name: "Legs", variant: 0, slots: LEGS },
    { name: "Upper", variant: 1, slots: UPPER },
    { name: "Lower", variant: 1, slots: LOWER },
  ],
  6: [
    { name: "Push A", variant: 0, slots: PUSH },
    { name: "Pull A", variant: 0, slots: PULL },
    { name: "Legs A", variant: 0, slots: LEGS },
    { name: "Push B", variant: 1, slots: PUSH },
    { name: "Pull B", variant: 1, slots: PULL },
    { name: "Legs B", variant: 1, slots: LEGS },
  ],
};
