import type { BodyGoal, Targets } from "@fitcoach/contract";

export type ActivityLevel = "sedentary" | "light" | "moderate" | "active" | "very_active";
export type Sex = "female" | "male" | "other";

/** Inputs of the target formulas; the coach service gathers them from the profile and the log. */
export interface TargetProfile {
  sex: Sex;
  ageYears: number;
  heightCm: number;
  weightKg: number;
  activityLevel: ActivityLevel;
  goal: BodyGoal;
}

/** Physical activity level multipliers for resting energy (FAO/WHO/UNU, as commonly tabulated). */
export const ACTIVITY_FACTORS: Record<ActivityLevel, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};

/**
 * The sex term of Mifflin-St Jeor (+5 men, -161 women). The equation has no term for other
 * sexes, so "other" takes the midpoint, -78.
 */
export const SEX_CONSTANTS: Record<Sex, number> = { male: 5, female: -161, other: -78 };

/** Energy as a share of TDEE: a 20 % deficit to lose, a 10 % surplus to gain. */
export const GOAL_ENERGY_FACTORS: Record<BodyGoal, number> = { lose: 0.8, keep: 1, gain: 1.1 };

/** Protein in g per kg of body weight; higher in a deficit to keep lean mass. */
export const PROTEIN_G_PER_KG: Record<BodyGoal, number> = { lose: 2, keep: 1.6, gain: 1.8 };

/** Fat as a share of energy, inside the 20-35 % acceptable range. */
export const FAT_ENERGY_SHARES: Record<BodyGoal, number> = { lose: 0.3, keep: 0.3, gain: 0.25 };

/** Lowest daily energy a weight-loss target may suggest without medical supervision. */
export const KCAL_FLOORS: Record<Sex, number> = { female: 1200, male: 1500, other: 1350 };

/**
 * Protein scales with lean mass, not fat mass, so above a BMI of 30 it is computed from the weight
 * at BMI 30 for the user's height.
 */
export const PROTEIN_BMI_CAP = 30;

export const FIBER_G_PER_1000_KCAL = 14;
export const WATER_ML_PER_KG = 35;

const KCAL_PER_G = { protein: 4, carbs: 4, fat: 9 };

/** Mifflin-St Jeor resting energy in kcal/day, unrounded. */
export function mifflinStJeor(profile: Omit<TargetProfile, "activityLevel" | "goal">): number {
  return (
    10 * profile.weightKg +
    6.25 * profile.heightCm -
    5 * profile.ageYears +
    SEX_CONSTANTS[profile.sex]
  );
}

/** Full years between a birth date and a local date, both YYYY-MM-DD. */
export function ageOn(birthDate: string, today: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(today.slice(0, 4)), today.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Computes daily targets: Mifflin-St Jeor resting energy, times the activity factor (TDEE), times
 * the goal factor (floored for weight loss), then protein by body weight, fat by energy share and
 * carbohydrate as the rest. Every step is spelled out in `rule`.
 */
export function computeTargets(profile: TargetProfile): Targets {
  const { weightKg, heightCm, ageYears, sex, activityLevel, goal } = profile;

  const bmr = mifflinStJeor(profile);
  const factor = ACTIVITY_FACTORS[activityLevel];
  const tdee = bmr * factor;
  const goalFactor = GOAL_ENERGY_FACTORS[goal];
  const floor = goal === "lose" ? KCAL_FLOORS[sex] : 0;
  const kcal = Math.max(Math.round(tdee * goalFactor), floor);

  const proteinPerKg = PROTEIN_G_PER_KG[goal];
  const cappedWeightKg = round(PROTEIN_BMI_CAP * (heightCm / 100) ** 2, 1);
  const proteinBasisKg = Math.min(weightKg, cappedWeightKg);
  let protein = Math.round(proteinBasisKg * proteinPerKg);
  const fatShare = FAT_ENERGY_SHARES[goal];
  let fat = Math.round((kcal * fatShare) / KCAL_PER_G.fat);
  const adjustments: string[] = [];
  // Very heavy, very short profiles can ask for more protein and fat energy than the total.
  if (protein * KCAL_PER_G.protein + fat * KCAL_PER_G.fat > kcal) {
    protein = Math.round((kcal * 0.35) / KCAL_PER_G.protein);
    fat = Math.round((kcal * 0.3) / KCAL_PER_G.fat);
    adjustments.push("protein capped at 35 % and fat at 30 % of energy to fit the total");
  }
  const carbs = Math.round(
    (kcal - protein * KCAL_PER_G.protein - fat * KCAL_PER_G.fat) / KCAL_PER_G.carbs,
  );
  const fiber = Math.round((kcal / 1000) * FIBER_G_PER_1000_KCAL);
  const waterMl = Math.round((weightKg * WATER_ML_PER_KG) / 50) * 50;

  const energySteps = [
    `Mifflin-St Jeor: 10 × ${weightKg} kg + 6.25 × ${heightCm} cm − 5 × ${ageYears} y ${SEX_CONSTANTS[sex] >= 0 ? "+" : "−"} ${Math.abs(SEX_CONSTANTS[sex])} (${sex}) = ${round(bmr, 1)} kcal`,
    `× ${factor} (${activityLevel.replace("_", " ")} activity) = ${round(tdee, 1)} kcal TDEE`,
    `× ${goalFactor} (goal: ${goal}) = ${kcal} kcal${floor > 0 && kcal === floor ? ` (raised to the ${floor} kcal floor)` : ""}`,
  ];
  const macroSteps = [
    proteinBasisKg < weightKg
      ? `protein ${proteinPerKg} g/kg × ${proteinBasisKg} kg (the weight at BMI ${PROTEIN_BMI_CAP}) = ${protein} g`
      : `protein ${proteinPerKg} g/kg × ${weightKg} kg = ${protein} g`,
    `fat ${fatShare * 100} % of energy = ${fat} g`,
    `carbohydrate the remaining energy = ${carbs} g`,
    `fiber ${FIBER_G_PER_1000_KCAL} g per 1000 kcal = ${fiber} g`,
    `water ${WATER_ML_PER_KG} ml/kg = ${waterMl} ml`,
    ...adjustments,
  ];

  return {
    bmrKcal: Math.round(bmr),
    tdeeKcal: Math.round(tdee),
    kcal,
    protein,
    carbs,
    fat,
    fiber,
    waterMl,
    goal,
    weightKg,
    rule: `${energySteps.join("; ")}. ${capitalize(macroSteps.join("; "))}.`,
  };
}

/** Picks the goal from a target weight: more than 1 kg away means lose or gain. */
export function goalFromTargetWeight(weightKg: number, targetWeightKg: number | null): BodyGoal {
  if (targetWeightKg === null) return "keep";
  if (targetWeightKg < weightKg - 1) return "lose";
  if (targetWeightKg > weightKg + 1) return "gain";
  return "keep";
}
