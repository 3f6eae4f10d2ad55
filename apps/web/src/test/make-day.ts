import type { DayCard } from "@fitcoach/contract";

/** Builds the card GET /days/:date returns for a day with nothing logged; tests set the goals. */
export function makeDay(date: string, goals: DayCard["goals"] = []): DayCard {
  return {
    date,
    timeZone: "Europe/Prague",
    version: 0,
    tags: [],
    note: "",
    wellness: { score: null, components: [], explanation: "Nothing logged." },
    effort: { score: 0, load: 0, workouts: 0, explanation: "No workouts." },
    meals: [],
    totals: {
      kcal: null,
      protein: null,
      carbs: null,
      fat: null,
      fiber: null,
      sugar: null,
      sodiumMg: null,
      saturatedFat: null,
      incomplete: [],
    },
    workouts: [],
    water: { totalMl: 0, goalMl: 2500, entries: [] },
    sleep: [],
    mood: [],
    body: [],
    weight: null,
    steps: { total: 0, entries: [] },
    goals,
  };
}
