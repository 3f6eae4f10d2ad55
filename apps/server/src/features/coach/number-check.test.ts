import { describe, expect, it } from "vitest";

import { collectKnownNumbers, findClaims, unsupportedClaims } from "./number-check";

const known = collectKnownNumbers({
  targets: { kcal: 2400, protein: 130, waterMl: 2800 },
  days: [{ nutrition: { kcal: 2100, protein: 95 }, sleep: { durationMinutes: 390 } }],
});

describe("unsupportedClaims", () => {
  it("accepts numbers from the data", () => {
    expect(unsupportedClaims("You ate 2100 kcal and 95 g protein.", known)).toEqual([]);
  });

  it("accepts differences and unit conversions", () => {
    const text = "That is 300 kcal under target; you slept 6.5 hours; aim for 2.8 l of water.";

    expect(unsupportedClaims(text, known)).toEqual([]);
  });

  it("accepts ratios as percentages", () => {
    expect(unsupportedClaims("Protein reached 73 % of the target.", known)).toEqual([]);
  });

  it("reports numbers missing from the data", () => {
    expect(unsupportedClaims("Yesterday you ate 3,200 kcal and slept 9 hours.", known)).toEqual([
      "3,200 kcal",
      "9 hours",
    ]);
  });

  it("skips numbers without units", () => {
    expect(findClaims("Try 3 meals and 2 snacks.")).toEqual([]);
  });
});
