import { describe, expect, it } from "vitest";

import { addDays, isLocalDate, todayIn } from "./local-date";

describe("local dates", () => {
  it("computes today in a time zone", () => {
    const instant = new Date("2026-03-29T23:30:00Z");

    expect(todayIn("Europe/Prague", instant)).toBe("2026-03-30");
    expect(todayIn("America/New_York", instant)).toBe("2026-03-29");
  });

  it("adds days across month ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("rejects impossible dates", () => {
    expect(isLocalDate("2026-02-30")).toBe(false);
    expect(isLocalDate("yesterday")).toBe(false);
    expect(isLocalDate("2026-02-28")).toBe(true);
  });
});
