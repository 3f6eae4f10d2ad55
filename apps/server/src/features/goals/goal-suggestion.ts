import type { GoalSuggestion, Me } from "@fitcoach/contract";
import { DateTime } from "luxon";

import { problem } from "../../platform/errors";

/** Multipliers of the basal rate for each activity level (the usual Harris-Benedict factors). */
const ACTIVITY_FACTORS: Record<NonNullable<Me["activityLevel"]>, number> = {
  sedentary: 1.2,
  light: 1.375,
  moderate: 1.55,
  active: 1.725,
  very_active: 1.9,
};
const PROTEIN_G_PER_KG = 1.6;
const FAT_SHARE_OF_KCAL = 0.25;

/**
 * Suggests daily targets from the Mifflin-St Jeor equation: BMR = 10 × kg + 6.25 × cm − 5 × age
 * + 5 (men) or − 161 (women), times the activity factor. Protein is 1.6 g/kg, fat 25 % of the
 * energy and carbohydrate the rest. The equation knows two sexes; "other" uses the women's
 * constant, which gives the lower and so more cautious estimate.
 */
export function suggestGoals(profile: Me, weightKg: number | null, today: string): GoalSuggestion {
  const missing = [
    profile.birthDate ? null : "birthDate",
    profile.sex ? null : "sex",
    profile.heightCm ? null : "heightCm",
    profile.activityLevel ? null : "activityLevel",
    weightKg ? null : "weight",
  ].filter((field): field is string => field !== null);
  if (missing.length > 0) {
    throw problem("unprocessable-content", {
      detail: `A suggestion needs ${missing.join(", ")}; fill them in on the profile (weight: log one in /api/v1/body).`,
    });
  }

  const ageYears = Math.floor(
    DateTime.fromISO(today).diff(DateTime.fromISO(profile.birthDate!), "years").years,
  );
  const sex = profile.sex === "male" ? "male" : "female";
  const heightCm = profile.heightCm!;
  const weight = weightKg!;
  const activityFactor = ACTIVITY_FACTORS[profile.activityLevel!];
  const bmr = 10 * weight + 6.25 * heightCm - 5 * ageYears + (sex === "male" ? 5 : -161);
  const maintenance = bmr * activityFactor;
  const proteinG = Math.round(weight * PROTEIN_G_PER_KG);
  const fatG = Math.round((maintenance * FAT_SHARE_OF_KCAL) / 9);
  const carbsG = Math.max(0, Math.round((maintenance - proteinG * 4 - fatG * 9) / 4));

  return {
    bmrKcal: Math.round(bmr),
    maintenanceKcal: Math.round(maintenance),
    kcal: Math.round(maintenance),
    proteinG,
    carbsG,
    fatG,
    basis: { ageYears, sex, heightCm, weightKg: weight, activityFactor },
    explanation:
      "Mifflin-St Jeor basal rate times the activity factor; protein 1.6 g per kg, fat 25 % of energy, carbohydrate the rest.",
  };
}
