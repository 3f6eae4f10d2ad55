import { describe, expect, it } from "vitest";

import { ageOn, computeTargets, goalFromTargetWeight, mifflinStJeor } from "./targets";

// Expected values are worked out by hand from the formulas documented in docs/reference/coach.md.
describe("computeTargets", () => {
  it("matches hand-computed values for a moderately active man", () => {
    const targets = computeTargets({
      sex: "male",
      ageYears: 30,
      heightCm: 180,
      weightKg: 80,
      activityLevel: "moderate",
      goal: "keep",
    });

    // 10 × 80 + 6.25 × 180 − 5 × 30 + 5 = 1780; × 1.55 = 2759.
    expect(targets.bmrKcal).toBe(1780);
    expect(targets.tdeeKcal).toBe(2759);
    expect(targets.kcal).toBe(2759);
    // 1.6 g/kg × 80 kg; 30 % of 2759 kcal / 9; (2759 − 512 − 828) / 4; 14 g per 1000 kcal.
    expect(targets.protein).toBe(128);
    expect(targets.fat).toBe(92);
    expect(targets.carbs).toBe(355);
    expect(targets.fiber).toBe(39);
    expect(targets.waterMl).toBe(2800);
    expect(targets.rule).toContain("Mifflin-St Jeor: 10 × 80 kg + 6.25 × 180 cm − 5 × 30 y + 5");
    expect(targets.rule).toContain(". Protein 1.6 g/kg × 80 kg = 128 g; fat 30 % of energy = 92 g");
  });

  it("matches hand-computed values for a sedentary woman losing weight", () => {
    const targets = computeTargets({
      sex: "female",
      ageYears: 45,
      heightCm: 165,
      weightKg: 70,
      activityLevel: "sedentary",
      goal: "lose",
    });

    // 700 + 1031.25 − 225 − 161 = 1345.25; × 1.2 = 1614.3; × 0.8 = 1291.44.
    expect(targets.bmrKcal).toBe(1345);
    expect(targets.tdeeKcal).toBe(1614);
    expect(targets.kcal).toBe(1291);
    expect(targets.protein).toBe(140);
    expect(targets.fat).toBe(43);
    expect(targets.carbs).toBe(86);
    expect(targets.fiber).toBe(18);
    expect(targets.waterMl).toBe(2450);
  });

  it("matches hand-computed values for a very active man gaining", () => {
    const targets = computeTargets({
      sex: "male",
      ageYears: 22,
      heightCm: 190,
      weightKg: 95,
      activityLevel: "very_active",
      goal: "gain",
    });

    // 950 + 1187.5 − 110 + 5 = 2032.5; × 1.9 = 3861.75; × 1.1 = 4247.925.
    expect(targets.bmrKcal).toBe(2033);
    expect(targets.tdeeKcal).toBe(3862);
    expect(targets.kcal).toBe(4248);
    expect(targets.protein).toBe(171);
    expect(targets.fat).toBe(118);
    expect(targets.carbs).toBe(626);
    expect(targets.fiber).toBe(59);
    expect(targets.waterMl).toBe(3350);
  });

  it("caps protein at the weight for BMI 30", () => {
    const targets = computeTargets({
      sex: "other",
      ageYears: 35,
      heightCm: 170,
      weightKg: 120,
      activityLevel: "light",
      goal: "lose",
    });

    // 1200 + 1062.5 − 175 − 78 = 2009.5; × 1.375 = 2763.06; × 0.8 = 2210.45.
    expect(targets.bmrKcal).toBe(2010);
    expect(targets.tdeeKcal).toBe(2763);
    expect(targets.kcal).toBe(2210);
    // 30 × 1.7² = 86.7 kg; 2.0 g/kg × 86.7 kg = 173.4 g.
    expect(targets.protein).toBe(173);
    expect(targets.fat).toBe(74);
    expect(targets.carbs).toBe(213);
    expect(targets.waterMl).toBe(4200);
    expect(targets.rule).toContain("86.7 kg (the weight at BMI 30)");
  });

  it("raises a weight-loss target to the floor", () => {
    const targets = computeTargets({
      sex: "female",
      ageYears: 70,
      heightCm: 150,
      weightKg: 45,
      activityLevel: "sedentary",
      goal: "lose",
    });

    // 450 + 937.5 − 350 − 161 = 876.5; × 1.2 = 1051.8; × 0.8 = 841 < 1200.
    expect(targets.bmrKcal).toBe(877);
    expect(targets.tdeeKcal).toBe(1052);
    expect(targets.kcal).toBe(1200);
    expect(targets.protein).toBe(90);
    expect(targets.fat).toBe(40);
    expect(targets.carbs).toBe(120);
    expect(targets.rule).toContain("raised to the 1200 kcal floor");
  });
});

describe("mifflinStJeor", () => {
  it("uses the midpoint constant for other sexes", () => {
    const base = { weightKg: 60, heightCm: 160, ageYears: 40 };

    expect(mifflinStJeor({ ...base, sex: "male" })).toBe(1405);
    expect(mifflinStJeor({ ...base, sex: "female" })).toBe(1239);
    expect(mifflinStJeor({ ...base, sex: "other" })).toBe(1322);
  });
});

describe("ageOn", () => {
  it("counts a birthday only once reached", () => {
    expect(ageOn("1990-06-15", "2026-06-14")).toBe(35);
    expect(ageOn("1990-06-15", "2026-06-15")).toBe(36);
  });
});

describe("goalFromTargetWeight", () => {
  it("keeps within one kilogram", () => {
    expect(goalFromTargetWeight(80, 79.5)).toBe("keep");
    expect(goalFromTargetWeight(80, 75)).toBe("lose");
    expect(goalFromTargetWeight(80, 85)).toBe("gain");
    expect(goalFromTargetWeight(80, null)).toBe("keep");
  });
});
