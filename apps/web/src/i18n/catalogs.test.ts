import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_LEVELS,
  BODY_GOALS,
  COACH_AREAS,
  EQUIPMENT,
  FOOD_EXCLUSIONS,
  IMPORT_FORMATS,
  MEAL_SLOTS,
  PROBLEMS,
  PROGRAM_GOALS,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  SEXES,
  STREAK_CONDITIONS,
  TRAINING_LEVELS,
  UNITS,
  WEEK_STARTS,
} from "@fitcoach/contract";

import { THEMES } from "../app/theme";
import { COACH_SECTIONS } from "../features/coach/coach-page";
import { GOAL_KINDS } from "../features/goals/goals-page";
import { PROGRESS_GOALS } from "../features/goals/goal-progress";
import { METRIC_UNITS } from "../features/stats/metric-units";
import { RANGE_PRESETS } from "../features/stats/stats-range";
import { STATS_METRICS, STATS_PERIODS } from "../features/stats/stats-page";
import { BODY_FIELDS } from "../features/today/body-fields";
import { MEAL_FREE_ITEM_FIELDS } from "../features/today/meal-item-fields";
import { DAY_SECTIONS } from "../features/today/today-page";
import { CATALOGS } from "./i18n";
import { LANGUAGES } from "./languages";

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [name, value] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") keys.set(key, value);
    else for (const [inner, text] of flatten(value, key)) keys.set(inner, text);
  }
  return keys;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(folder, name));
}

const english = flatten(CATALOGS.en as Catalog);
const namespaces = new Set([...english.keys()].map((key) => key.split(".")[0]));

/** Keys built at run time from a list, each expanded over every value of that list. */
const DYNAMIC_KEYS: string[] = [
  ...Object.keys(PROBLEMS).map((code) => `problems.${code}`),
  ...SEXES.map((value) => `settings.profile.sexes.${value}`),
  ...ACTIVITY_LEVELS.map((value) => `settings.profile.activity.${value}`),
  ...UNITS.map((value) => `settings.preferences.units.${value}`),
  ...WEEK_STARTS.map((value) => `settings.preferences.weekStarts.${value}`),
  ...THEMES.map((value) => `settings.preferences.themes.${value}`),
  ...STATS_METRICS.map((value) => `stats.metrics.${value}`),
  ...STATS_PERIODS.flatMap((value) => [
    `stats.periods.${value}`,
    `stats.series.value.${value}`,
    `stats.table.bucket.${value}`,
  ]),
  ...BODY_FIELDS.flatMap((value) => [`today.body.fields.${value}`, `today.body.values.${value}`]),
  ...MEAL_FREE_ITEM_FIELDS.map((value) => `today.meals.freeFields.${value}`),
  ...RANGE_PRESETS.map((value) => `stats.range.presets.${value}`),
  ...METRIC_UNITS.map((value) => `stats.unitNames.${value}`),
  ...STREAK_CONDITIONS.map((value) => `stats.streaks.conditions.${value}`),
  ...DAY_SECTIONS.map((value) => `today.sections.${value}.title`),
  ...GOAL_KINDS.map((value) => `goals.kinds.${value}.title`),
  ...Object.values(PROGRESS_GOALS)
    .flat()
    .map((value) => `goals.progress.names.${value}`),
  ...["today", "week", "latest"].map((value) => `goals.progress.${value}`),
  ...["kcal", "g", "ml", "h", "kg", "lb", "count"].map((value) => `goals.amounts.${value}`),
  ...["saved", "cleared"].map((value) => `goals.${value}`),
  ...COACH_SECTIONS.map((section) => `coach.sections.${section.key}`),
  ...COACH_AREAS.flatMap((value) => [`coach.areas.${value}.title`, `coach.areas.${value}.sends`]),
  ...BODY_GOALS.map((value) => `coach.goals.${value}`),
  ...MEAL_SLOTS.map((value) => `coach.mealSlots.${value}`),
  ...FOOD_EXCLUSIONS.map((value) => `coach.exclusions.${value}`),
  ...EQUIPMENT.map((value) => `coach.equipment.${value}`),
  ...PROGRAM_GOALS.map((value) => `coach.programs.goals.${value}`),
  ...TRAINING_LEVELS.map((value) => `coach.programs.levels.${value}`),
  ...["proposed", "active", "stopped"].map((value) => `coach.programs.status.${value}`),
  ...["proposed", "accepted"].map((value) => `coach.plans.status.${value}`),
  ...["summary", "chat", "meal-photo"].map((value) => `coach.ledger.agents.${value}`),
  ...["ok", "failed", "timed-out"].map((value) => `coach.ledger.outcomes.${value}`),
  ...["kcal", "protein", "carbs", "fat", "fiber", "waterMl", "bmrKcal", "tdeeKcal"].map(
    (value) => `coach.targets.rows.${value}`,
  ),
  ...["kcal", "g", "ml", "kg"].map((value) => `units.${value}`),
  ...REMINDER_KINDS.flatMap((value) => [
    `reminders.kinds.${value}`,
    `reminders.kindHints.${value}`,
  ]),
  ...REMINDER_CHANNELS.flatMap((value) => [
    `reminders.channels.${value}.title`,
    `reminders.channels.${value}.hint`,
  ]),
  ...["unsupported", "no-worker", "desktop"].map((value) => `reminders.push.support.${value}`),
  ...IMPORT_FORMATS.map((value) => `settings.import.formats.${value}`),
  ...["queued", "running", "completed", "failed"].map((value) => `settings.import.status.${value}`),
  ...["json", "csv"].map((value) => `settings.export.formats.${value}`),
  ...[0, 1, 2, 3, 4].map((score) => `password.score${score}`),
];

/** Collects every string literal in the app's source that looks like a key of the catalog. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  const folder = path.resolve(import.meta.dirname, "..");
  for (const file of sourceFiles(folder)) {
    for (const match of readFileSync(file, "utf8").matchAll(
      /["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+)["'`]/g,
    )) {
      const key = match[1]!;
      if (namespaces.has(key.split(".")[0]!)) keys.add(key);
    }
  }
  return keys;
}

describe("translation catalogs", () => {
  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "%s has every English key",
    (language) => {
      const keys = flatten(CATALOGS[language] as Catalog);

      const missing = [...english.keys()].filter((key) => !keys.has(key));
      const extra = [...keys.keys()].filter((key) => !english.has(key));

      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
    },
  );

  it.each(LANGUAGES)("%s keeps every placeholder", (language) => {
    const keys = flatten(CATALOGS[language] as Catalog);
    const broken: string[] = [];
    for (const [key, text] of english) {
      const expected = [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
      const actual = [...(keys.get(key) ?? "").matchAll(/{{(\w+)}}/g)]
        .map((match) => match[1])
        .sort();
      if (expected.join() !== actual.join()) broken.push(key);
    }

    expect(broken).toEqual([]);
  });

  it.each(LANGUAGES)("%s has no empty text", (language) => {
    const empty = [...flatten(CATALOGS[language] as Catalog)].filter(
      ([, text]) => text.trim() === "",
    );

    expect(empty).toEqual([]);
  });

  it("covers keys used in source", () => {
    const used = literalKeys();
    const missing = [...used].filter((key) => !english.has(key));

    // A broken pattern would find nothing and pass; the app uses well over a hundred keys.
    expect(used.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("covers keys built from lists", () => {
    const missing = DYNAMIC_KEYS.filter((key) => !english.has(key));

    expect(missing).toEqual([]);
  });
});
