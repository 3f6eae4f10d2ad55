import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  MEAL_TYPES,
  PROBLEMS,
  REMINDER_KINDS,
  REMINDER_MEAL_TYPES,
  STAT_METRICS,
  STAT_PERIODS,
  UNITS,
  WEEK_STARTS,
} from "@fitcoach/contract";

import { SUMMARY_PARTS } from "../features/coach/coach-screen";
import { QUALITIES } from "../features/sleep/sleep-screen";
import { DAY_GOALS, DAY_SECTIONS } from "../features/today/day-summary";
import { INTENSITIES } from "../features/workouts/workouts-screen";
import { WRITE_KINDS } from "../sync/write-kinds";
import { CATALOGS } from "./i18n";
import { LANGUAGES } from "./languages";

type Catalog = { [key: string]: string | Catalog };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [name, value] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") keys.set(key, value);
    else for (const [inner, text] of flatten(value, key)) keys.set(inner, text);
  }
  return keys;
}

/** Keys without plural suffixes: what the code passes to t(). */
function baseKeys(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, "")));
}

function placeholders(text: string): string {
  return [...text.matchAll(/{{(\w+)}}/g)]
    .map((match) => match[1])
    .sort()
    .join();
}

const english = flatten(CATALOGS.en as Catalog);
const englishBase = baseKeys(english.keys());
const namespaces = new Set([...englishBase].map((key) => key.split(".")[0]));

/** Keys built at run time from a list, each expanded over every value of that list. */
const DYNAMIC_KEYS: string[] = [
  ...Object.keys(PROBLEMS).map((code) => `problems.${code}`),
  "serverUrl.invalid",
  "serverUrl.https-required",
  "serverUrl.has-path",
  ...UNITS.map((value) => `settings.units.systems.${value}`),
  ...WEEK_STARTS.map((value) => `settings.units.weekStarts.${value}`),
  ...STAT_METRICS.flatMap((value) => [`stats.metrics.${value}`, `stats.units.${value}`]),
  ...STAT_PERIODS.map((value) => `stats.periods.${value}`),
  ...INTENSITIES.map((value) => `workouts.intensity.${value}`),
  ...QUALITIES.map((value) => `sleep.qualities.${value}`),
  ...DAY_GOALS.map((value) => `today.goals.${value}`),
  ...DAY_SECTIONS.flatMap((value) => [
    `today.sections.${value}.title`,
    `today.sections.${value}.placeholder`,
  ]),
  ...MEAL_TYPES.map((value) => `meals.types.${value}`),
  ...SUMMARY_PARTS.map((value) => `coach.summary.${value}`),
  ...REMINDER_KINDS.flatMap((kind) => [`reminders.titles.${kind}`, `reminders.bodies.${kind}`]),
  ...REMINDER_MEAL_TYPES.map((mealType) => `reminders.mealTitles.${mealType}`),
  ...WRITE_KINDS.map((kind) => `writes.${kind}`),
  ...[0, 1, 2, 3, 4].map((score) => `password.score${score}`),
];

/** Collects every string literal in the app's source that looks like a key of the catalog. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  const root = path.resolve(__dirname, "../..");
  for (const folder of ["src", "app"]) {
    const files = readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
      .map((name) => path.join(root, folder, name));
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_-]+)+)["'`]/g,
      )) {
        const key = match[1]!;
        if (namespaces.has(key.split(".")[0]!)) keys.add(key);
      }
    }
  }
  return keys;
}

describe("translation catalogs", () => {
  it.each(LANGUAGES.filter((language) => language !== "en"))(
    "%s has every English key",
    (language) => {
      const keys = baseKeys(flatten(CATALOGS[language] as Catalog).keys());

      const missing = [...englishBase].filter((key) => !keys.has(key));
      const extra = [...keys].filter((key) => !englishBase.has(key));

      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
    },
  );

  it.each(LANGUAGES)("%s has every plural form", (language) => {
    const keys = flatten(CATALOGS[language] as Catalog);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const pluralBases = baseKeys([...english.keys()].filter((key) => PLURAL_SUFFIX.test(key)));

    const missing = [...pluralBases].flatMap((base) =>
      categories.map((category) => `${base}_${category}`).filter((key) => !keys.has(key)),
    );

    expect(pluralBases.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)("%s keeps every placeholder", (language) => {
    const keys = flatten(CATALOGS[language] as Catalog);
    const broken: string[] = [];
    for (const [key, text] of keys) {
      const englishText = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, "_other"));
      if (englishText !== undefined && placeholders(englishText) !== placeholders(text)) {
        broken.push(key);
      }
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
    const missing = [...used].filter((key) => !englishBase.has(key));

    // A broken pattern would find nothing and pass; the app uses well over a hundred keys.
    expect(used.size).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it("covers keys built from lists", () => {
    const missing = DYNAMIC_KEYS.filter((key) => !englishBase.has(key));

    expect(missing).toEqual([]);
  });
});
