import type { ServerResponse } from "node:http";
import { sendJson, sendProblem } from "@fitcoach/client/test-server";
import type { RecordedRequest } from "@fitcoach/client/test-server";
import type {
  BodyEntry,
  Meal,
  MealItem,
  MoodEntry,
  SavedMeal,
  SleepEntry,
  StepsEntry,
  WaterEntry,
  Workout,
  WorkoutSet,
} from "@fitcoach/contract";

import { entryMeta, makeDay } from "./make-day";
import type { Route } from "./route-table";

type Json = Record<string, unknown>;
type Stored = { id: string; version: number };

const KG_PER_LB = 0.45359237;
const CM_PER_IN = 2.54;

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * An in-memory stand-in for the entry routes of one day. Writes change the stored entries, PATCH
 * and DELETE check If-Match against the stored version (412 on a mismatch, as the server does),
 * and GET /days/:date builds the card from what is stored.
 */
export class FakeDayStore {
  water: WaterEntry[] = [];
  sleep: SleepEntry[] = [];
  mood: MoodEntry[] = [];
  body: BodyEntry[] = [];
  steps: StepsEntry[] = [];
  meals: Meal[] = [];
  workouts: Workout[] = [];
  savedMeals: SavedMeal[] = [];
  private count = 0;

  constructor(readonly date: string) {}

  /** Makes the next entry's id and stored fields. */
  meta(): ReturnType<typeof entryMeta> {
    this.count += 1;
    return entryMeta(this.date, this.count);
  }

  routes(): Record<string, Route> {
    return {
      [`GET /api/v1/days/${this.date}`]: (_request, response) =>
        sendJson(
          response,
          200,
          makeDay(this.date, {
            water: this.water,
            sleep: this.sleep,
            mood: this.mood,
            body: this.body,
            steps: this.steps,
            meals: this.meals,
            workouts: this.workouts,
          }),
        ),
      ...this.collection("water", this.water, (input) => input),
      ...this.collection("sleep", this.sleep, sleepFields),
      ...this.collection("mood", this.mood, (input) => input),
      ...this.collection("steps", this.steps, (input) => input),
      ...this.collection("body", this.body, bodyFields),
      ...this.collection("meals", this.meals, mealFields),
      ...this.collection("workouts", this.workouts, workoutFields),
      "GET /api/v1/saved-meals": (_request, response) =>
        sendJson(response, 200, { items: this.savedMeals, nextCursor: null }),
      "POST /api/v1/saved-meals": (request, response) => this.createSavedMeal(request, response),
      "POST /api/v1/saved-meals/*": (request, response) => this.logSavedMeal(request, response),
    };
  }

  /** Changes an entry as another device would, so the card's version is stale. */
  touch(entry: Stored): void {
    entry.version += 1;
  }

  private collection<Entry extends Stored>(
    path: string,
    entries: Entry[],
    fields: (input: Json, current: Entry | null) => Json,
  ): Record<string, Route> {
    const find = (request: RecordedRequest): Entry | undefined => {
      const id = request.path.split("?")[0]!.split("/").at(-1);
      return entries.find((entry) => entry.id === id);
    };
    const checkVersion = (
      request: RecordedRequest,
      response: ServerResponse,
      entry: Entry | undefined,
    ): entry is Entry => {
      if (!entry) {
        sendProblem(response, 404, "not-found");
        return false;
      }
      if (request.headers["if-match"] !== `"v${entry.version}"`) {
        sendProblem(response, 412, "precondition-failed");
        return false;
      }
      return true;
    };

    return {
      [`POST /api/v1/${path}`]: (request, response) => {
        const input = JSON.parse(request.body) as Json;
        const entry = { ...this.meta(), ...fields(input, null) } as unknown as Entry;
        entries.push(entry);
        sendJson(response, 201, entry);
      },
      [`PATCH /api/v1/${path}/*`]: (request, response) => {
        const entry = find(request);
        if (!checkVersion(request, response, entry)) return;
        Object.assign(entry, fields(JSON.parse(request.body) as Json, entry));
        entry.version += 1;
        sendJson(response, 200, entry);
      },
      [`DELETE /api/v1/${path}/*`]: (request, response) => {
        const entry = find(request);
        if (!checkVersion(request, response, entry)) return;
        entries.splice(entries.indexOf(entry), 1);
        response.writeHead(204);
        response.end();
      },
    };
  }

  private createSavedMeal(request: RecordedRequest, response: ServerResponse): void {
    const input = JSON.parse(request.body) as { name: string; mealId: string };
    const meal = this.meals.find((item) => item.id === input.mealId)!;
    const { id, version, createdAt, updatedAt } = this.meta();
    const saved: SavedMeal = {
      id,
      version,
      createdAt,
      updatedAt,
      name: input.name,
      type: meal.type,
      note: meal.note,
      items: meal.items,
      totals: meal.totals,
    };
    this.savedMeals.push(saved);
    sendJson(response, 201, saved);
  }

  private logSavedMeal(request: RecordedRequest, response: ServerResponse): void {
    const id = request.path.split("/").at(-2);
    const saved = this.savedMeals.find((item) => item.id === id);
    if (!saved) return sendProblem(response, 404, "not-found");
    const input = JSON.parse(request.body) as { date: string; type?: Meal["type"] };
    const meal: Meal = {
      ...this.meta(),
      type: input.type ?? saved.type ?? "snack",
      note: saved.note,
      photo: null,
      items: saved.items,
      totals: saved.totals,
    };
    this.meals.push(meal);
    sendJson(response, 201, meal);
  }
}

function sleepFields(input: Json, current: SleepEntry | null): Json {
  const bedtime = (input.bedtime as string | undefined) ?? current!.bedtime;
  const wakeTime = (input.wakeTime as string | undefined) ?? current!.wakeTime;
  const minutes = (Date.parse(`${wakeTime}Z`) - Date.parse(`${bedtime}Z`)) / 60_000;
  return {
    timeZone: "Europe/Prague",
    phases: null,
    ...input,
    bedtime,
    wakeTime,
    durationMin: minutes,
  };
}

/** Stores each measurement in both units, keeping the one sent exactly as the server does. */
function bodyFields(input: Json, current: BodyEntry | null): Json {
  const fields: Json = current ? {} : emptyBody();
  const pairs: [string, string, string, number, [string, string]][] = [
    ["weight", "Kg", "Lb", KG_PER_LB, ["kg", "lb"]],
    ...["waist", "hips", "chest", "neck"].map(
      (name) =>
        [name, "Cm", "In", CM_PER_IN, ["cm", "in"]] as [
          string,
          string,
          string,
          number,
          [string, string],
        ],
    ),
  ];
  for (const [name, metric, imperial, factor, units] of pairs) {
    const metricValue = input[`${name}${metric}`] as number | null | undefined;
    const imperialValue = input[`${name}${imperial}`] as number | null | undefined;
    if (metricValue !== undefined) {
      fields[`${name}${metric}`] = metricValue;
      fields[`${name}${imperial}`] = metricValue === null ? null : round2(metricValue / factor);
      fields[`${name}Unit`] = metricValue === null ? null : units[0];
    }
    if (imperialValue !== undefined) {
      fields[`${name}${imperial}`] = imperialValue;
      fields[`${name}${metric}`] = imperialValue === null ? null : round2(imperialValue * factor);
      fields[`${name}Unit`] = imperialValue === null ? null : units[1];
    }
  }
  if (input.bodyFatPercent !== undefined) fields.bodyFatPercent = input.bodyFatPercent;
  return fields;
}

function emptyBody(): Json {
  const fields: Json = { weightKg: null, weightLb: null, weightUnit: null, bodyFatPercent: null };
  for (const name of ["waist", "hips", "chest", "neck"]) {
    fields[`${name}Cm`] = null;
    fields[`${name}In`] = null;
    fields[`${name}Unit`] = null;
  }
  return fields;
}

/** Free items keep their nutrients; a catalog item is a banana at 0.89 kcal per gram. */
function mealFields(input: Json, current: Meal | null): Json {
  const fields: Json = current ? {} : { note: null, photo: null, items: [] };
  if (input.type !== undefined) fields.type = input.type;
  if (input.note !== undefined) fields.note = input.note;
  const items = input.items as Json[] | undefined;
  if (items !== undefined) {
    const stored = items.map((item, index) => mealItemOf(item, index));
    fields.items = stored;
    fields.totals = totalsOf(stored);
  } else if (!current) {
    fields.totals = totalsOf([]);
  }
  return fields;
}

function mealItemOf(input: Json, index: number): MealItem {
  const nutrient = (name: string): number | null => (input[name] as number | undefined) ?? null;
  if (input.foodId === undefined) {
    return {
      id: `item-${index + 1}`,
      foodId: null,
      portionId: null,
      portionLabel: null,
      quantity: null,
      name: input.name as string,
      grams: input.grams as number,
      kcal: nutrient("kcal"),
      protein: nutrient("protein"),
      carbs: nutrient("carbs"),
      fat: nutrient("fat"),
      fiber: nutrient("fiber"),
      sugar: nutrient("sugar"),
      sodiumMg: nutrient("sodiumMg"),
      saturatedFat: nutrient("saturatedFat"),
    };
  }
  const quantity = (input.quantity as number | undefined) ?? null;
  const grams = input.portionId ? 118 * (quantity ?? 1) : (input.grams as number);
  return {
    id: `item-${index + 1}`,
    foodId: input.foodId as string,
    portionId: (input.portionId as string | undefined) ?? null,
    portionLabel: input.portionId ? "medium" : null,
    quantity,
    name: "Bananas, raw",
    grams,
    kcal: round2(grams * 0.89),
    protein: round2(grams * 0.0109),
    carbs: round2(grams * 0.2284),
    fat: round2(grams * 0.0033),
    fiber: round2(grams * 0.026),
    sugar: null,
    sodiumMg: null,
    saturatedFat: null,
  };
}

function totalsOf(items: MealItem[]): Meal["totals"] {
  const sum = (name: "kcal" | "protein" | "carbs" | "fat" | "fiber"): number | null =>
    items.length === 0 ? null : round2(items.reduce((total, item) => total + (item[name] ?? 0), 0));
  return {
    kcal: sum("kcal"),
    protein: sum("protein"),
    carbs: sum("carbs"),
    fat: sum("fat"),
    fiber: sum("fiber"),
    sugar: null,
    sodiumMg: null,
    saturatedFat: null,
    incomplete: [],
  };
}

function workoutFields(input: Json, current: Workout | null): Json {
  const fields: Json = current
    ? {}
    : {
        startedAt: null,
        title: null,
        avgHeartRate: null,
        notes: null,
        volumeKg: 0,
        source: "manual",
        exercises: [],
      };
  for (const name of ["title", "durationMin", "intensity"]) {
    if (input[name] !== undefined) fields[name] = input[name];
  }
  const exercises = input.exercises as { exerciseId: string; sets: Json[] }[] | undefined;
  if (exercises !== undefined) {
    fields.exercises = exercises.map((exercise) => ({
      exerciseId: exercise.exerciseId,
      name: exercise.exerciseId.replaceAll("_", " "),
      sets: exercise.sets.map(setOf),
    }));
  }
  const durationMin = (fields.durationMin ?? current?.durationMin) as number;
  const intensity = (fields.intensity ?? current?.intensity) as number;
  fields.load = durationMin * intensity * 2;
  return fields;
}

function setOf(input: Json): WorkoutSet {
  const weightKg = input.weightKg as number | undefined;
  const weightLb = input.weightLb as number | undefined;
  let weightUnit: WorkoutSet["weightUnit"] = null;
  if (weightKg !== undefined) weightUnit = "kg";
  else if (weightLb !== undefined) weightUnit = "lb";
  return {
    reps: (input.reps as number | undefined) ?? null,
    weightKg: weightKg ?? (weightLb === undefined ? null : round2(weightLb * KG_PER_LB)),
    weightLb: weightLb ?? (weightKg === undefined ? null : round2(weightKg / KG_PER_LB)),
    weightUnit,
    durationSec: (input.durationSec as number | undefined) ?? null,
    distanceM: (input.distanceM as number | undefined) ?? null,
    estimatedOneRepMaxKg: null,
  };
}
