import { parse } from "csv-parse/sync";

import { localDateTimeToInstant } from "../../platform/local-date";
import { poundsToKilograms, roundTo } from "../../platform/units";
import { searchableName } from "../exercises/exercise-catalog";
import type { NewWorkout, NewWorkoutSet } from "../workouts/workouts.service";
import { ImportError } from "./import-error";
import { guessDateOrder, parseDecimal, parseLocalDateTime } from "./localized-values";
import type { DateOrder } from "./localized-values";

/** Rows one CSV file may have; a decade of daily training is well below it. */
export const CSV_MAX_ROWS = 500_000;
const METRES_PER_MILE = 1_609.344;
/** Assumed length of one set when a file gives no workout duration. */
const MINUTES_PER_SET_ESTIMATE = 2;

export interface CsvImportOptions {
  format: "strong-csv" | "hevy-csv";
  /** Unit of loads when the file does not name one. */
  unit: "kg" | "lb";
  timeZone: string;
  dateOrder: DateOrder | undefined;
  /** Catalog ids by searchable name, to link exercise names to the catalog. */
  catalog: Map<string, string>;
}

type Row = Record<string, string>;

/** Column names each format is known to use, lower-cased; the first one present is read. */
const STRONG_COLUMNS = {
  date: ["date"],
  workout: ["workout name"],
  duration: ["duration", "workout duration"],
  durationSeconds: ["duration (sec)", "duration (seconds)"],
  exercise: ["exercise name"],
  setOrder: ["set order"],
  weight: ["weight", "weight (kg)", "weight (lbs)", "weight (lb)"],
  weightUnit: ["weight unit"],
  reps: ["reps"],
  distance: ["distance", "distance (meters)", "distance (m)", "distance (km)", "distance (miles)"],
  distanceUnit: ["distance unit"],
  seconds: ["seconds"],
  notes: ["workout notes"],
  rpe: ["rpe"],
};

const HEVY_COLUMNS = {
  title: ["title"],
  start: ["start_time"],
  end: ["end_time"],
  description: ["description"],
  exercise: ["exercise_title"],
  setType: ["set_type"],
  weight: ["weight_kg", "weight_lbs", "weight_lb"],
  reps: ["reps"],
  distance: ["distance_km", "distance_miles", "distance_m"],
  duration: ["duration_seconds"],
  rpe: ["rpe"],
};

/**
 * Reads a Strong or Hevy workout export into workouts ready to store. Accepts a byte-order mark,
 * comma or semicolon separators, decimal commas and the date forms of `parseLocalDateTime`.
 * Throws ImportError naming the line of the first row it cannot read.
 */
export function parseWorkoutCsv(text: string, options: CsvImportOptions): NewWorkout[] {
  const rows = readCsv(text);
  return options.format === "strong-csv" ? readStrong(rows, options) : readHevy(rows, options);
}

function readCsv(text: string): { header: string[]; rows: Row[] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter =
    countOutsideQuotes(firstLine, ";") > countOutsideQuotes(firstLine, ",") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: CSV_MAX_ROWS + 1,
    }) as string[][];
  } catch (error) {
    throw new ImportError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length > CSV_MAX_ROWS) {
    throw new ImportError(
      `The file has more than ${CSV_MAX_ROWS} rows; split it and import the parts.`,
    );
  }
  const [headerRecord, ...dataRecords] = records;
  if (!headerRecord) throw new ImportError("The file is empty.");
  const header = headerRecord.map((name) => name.trim().toLowerCase());
  return {
    header,
    rows: dataRecords.map((record) =>
      Object.fromEntries(header.map((name, index) => [name, record[index] ?? ""])),
    ),
  };
}

function countOutsideQuotes(line: string, character: string): number {
  let inQuotes = false;
  let count = 0;
  for (const current of line) {
    if (current === '"') inQuotes = !inQuotes;
    else if (current === character && !inQuotes) count += 1;
  }
  return count;
}

function pickColumns<T extends Record<string, string[]>>(
  header: string[],
  spec: T,
  required: (keyof T)[],
  format: string,
): Record<keyof T, string | null> {
  const picked = Object.fromEntries(
    Object.entries(spec).map(([key, names]) => [
      key,
      names.find((name) => header.includes(name)) ?? null,
    ]),
  ) as Record<keyof T, string | null>;
  const missing = required.filter((key) => picked[key] === null);
  if (missing.length > 0) {
    const names = missing.map((key) => `"${spec[key]![0]}"`).join(", ");
    throw new ImportError(
      `This does not look like a ${format} export: the column ${names} is missing.`,
    );
  }
  return picked;
}

function number(row: Row, column: string | null, line: number, label: string): number | null {
  if (column === null) return null;
  const value = parseDecimal(row[column]);
  if (Number.isNaN(value) || (value !== null && value < 0)) {
    throw new ImportError(`Line ${line}: ${label} "${row[column]}" is not a number.`);
  }
  return value;
}

function unitFromColumn(column: string | null, fallback: "kg" | "lb"): "kg" | "lb" {
  if (column?.includes("lb")) return "lb";
  if (column?.includes("kg")) return "kg";
  return fallback;
}

function toSet(
  exerciseName: string,
  catalog: Map<string, string>,
  values: {
    reps: number | null;
    weight: number | null;
    unit: "kg" | "lb";
    seconds: number | null;
    metres: number | null;
  },
): NewWorkoutSet {
  const hasLoad = values.weight !== null && values.weight > 0;
  const weightValue = hasLoad ? roundTo(values.weight!, 2) : null;
  return {
    exerciseId: matchExercise(exerciseName, catalog),
    exerciseName,
    reps: values.reps === null ? null : Math.round(values.reps),
    weightValue,
    weightUnit: hasLoad ? values.unit : null,
    weightKg:
      weightValue === null
        ? null
        : roundTo(values.unit === "lb" ? poundsToKilograms(weightValue) : weightValue, 4),
    durationSec: values.seconds ? Math.round(values.seconds) : null,
    distanceM: values.metres ? roundTo(values.metres, 2) : null,
  };
}

/**
 * Links an app's exercise name to the catalog: "Bench Press (Barbell)" is tried as written, with
 * the equipment moved to the front ("Barbell Bench Press") and without it.
 */
export function matchExercise(name: string, catalog: Map<string, string>): string | null {
  const bracket = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(name);
  const candidates = [searchableName(name)];
  if (bracket) {
    candidates.push(searchableName(`${bracket[2]} ${bracket[1]}`), searchableName(bracket[1]!));
  }
  for (const candidate of candidates) {
    const id = catalog.get(candidate);
    if (id) return id;
  }
  return null;
}

interface WorkoutBuilder {
  workout: Omit<NewWorkout, "exercises">;
  exercises: Map<string, NewWorkoutSet[]>;
  rpe: number[];
}

function finish(builders: Map<string, WorkoutBuilder>): NewWorkout[] {
  return [...builders.values()].map((builder) => {
    const exercises = [...builder.exercises.values()];
    const sets = exercises.reduce((sum, list) => sum + list.length, 0);
    const rpe =
      builder.rpe.length > 0 ? builder.rpe.reduce((a, b) => a + b, 0) / builder.rpe.length : null;
    return {
      ...builder.workout,
      durationMin: Math.min(
        24 * 60,
        builder.workout.durationMin > 0
          ? builder.workout.durationMin
          : Math.max(1, sets * MINUTES_PER_SET_ESTIMATE),
      ),
      // RPE 1 to 10 maps onto intensity 1 to 5; without RPE the middle value is assumed.
      intensity: rpe === null ? 3 : Math.min(5, Math.max(1, Math.round(rpe / 2))),
      exercises,
    };
  });
}

function readDate(
  text: string,
  order: DateOrder,
  line: number,
  options: CsvImportOptions,
): { date: string; localDateTime: string; startedAt: Date | null } {
  const parsed = parseLocalDateTime(text, order);
  if (!parsed) throw new ImportError(`Line ${line}: the date "${text}" cannot be read.`);
  const localDateTime = `${parsed.date}T${parsed.time ?? "00:00:00"}`;
  return {
    date: parsed.date,
    localDateTime,
    startedAt: parsed.time ? localDateTimeToInstant(localDateTime, options.timeZone) : null,
  };
}

function readStrong(
  table: { header: string[]; rows: Row[] },
  options: CsvImportOptions,
): NewWorkout[] {
  const columns = pickColumns(table.header, STRONG_COLUMNS, ["date", "exercise", "reps"], "Strong");
  const order =
    options.dateOrder ?? guessDateOrder(table.rows.map((row) => row[columns.date!] ?? "")) ?? "dmy";
  const fileUnit = unitFromColumn(columns.weight, options.unit);
  const builders = new Map<string, WorkoutBuilder>();

  table.rows.forEach((row, index) => {
    const line = index + 2;
    const when = readDate(row[columns.date!]!, order, line, options);
    const title = columns.workout ? row[columns.workout]?.trim() || null : null;
    const key = `${when.localDateTime}|${title ?? ""}`;
    let builder = builders.get(key);
    if (!builder) {
      const durationMin = columns.durationSeconds
        ? Math.round((number(row, columns.durationSeconds, line, "duration") ?? 0) / 60)
        : parseDuration(columns.duration ? row[columns.duration] : undefined);
      builder = {
        workout: {
          date: when.date,
          startedAt: when.startedAt,
          title,
          durationMin,
          intensity: 3,
          avgHeartRate: null,
          notes: columns.notes ? row[columns.notes]?.trim() || null : null,
          source: "strong-csv",
          sourceKey: `strong:${key}`,
        },
        exercises: new Map(),
        rpe: [],
      };
      builders.set(key, builder);
    }

    const exerciseName = row[columns.exercise!]?.trim();
    if (!exerciseName) throw new ImportError(`Line ${line}: the exercise name is empty.`);
    const unitText = columns.weightUnit ? row[columns.weightUnit]?.trim().toLowerCase() : "";
    let unit = fileUnit;
    if (unitText?.startsWith("lb")) unit = "lb";
    else if (unitText === "kg") unit = "kg";
    const distance = number(row, columns.distance, line, "distance");
    const distanceUnit =
      `${columns.distance ?? ""} ${columns.distanceUnit ? row[columns.distanceUnit] : ""}`.toLowerCase();
    const metres =
      distance === null
        ? null
        : distanceUnit.includes("mile") || distanceUnit.includes(" mi")
          ? distance * METRES_PER_MILE
          : distanceUnit.includes("km")
            ? distance * 1000
            : distance;
    const rpe = number(row, columns.rpe, line, "RPE");
    if (rpe !== null && rpe > 0) builder.rpe.push(rpe);

    const sets = builder.exercises.get(exerciseName) ?? [];
    sets.push(
      toSet(exerciseName, options.catalog, {
        reps: number(row, columns.reps, line, "reps"),
        weight: number(row, columns.weight, line, "weight"),
        unit,
        seconds: number(row, columns.seconds, line, "seconds"),
        metres,
      }),
    );
    builder.exercises.set(exerciseName, sets);
  });
  return finish(builders);
}

function readHevy(
  table: { header: string[]; rows: Row[] },
  options: CsvImportOptions,
): NewWorkout[] {
  const columns = pickColumns(table.header, HEVY_COLUMNS, ["title", "start", "exercise"], "Hevy");
  const order =
    options.dateOrder ??
    guessDateOrder(table.rows.map((row) => row[columns.start!] ?? "")) ??
    "dmy";
  const unit = unitFromColumn(columns.weight, options.unit);
  const builders = new Map<string, WorkoutBuilder>();

  table.rows.forEach((row, index) => {
    const line = index + 2;
    const when = readDate(row[columns.start!]!, order, line, options);
    const title = row[columns.title!]?.trim() || null;
    const key = `${when.localDateTime}|${title ?? ""}`;
    let builder = builders.get(key);
    if (!builder) {
      const end =
        columns.end && row[columns.end] ? readDate(row[columns.end]!, order, line, options) : null;
      const durationMin =
        end?.startedAt && when.startedAt
          ? Math.round((end.startedAt.getTime() - when.startedAt.getTime()) / 60_000)
          : 0;
      builder = {
        workout: {
          date: when.date,
          startedAt: when.startedAt,
          title,
          durationMin: durationMin > 0 && durationMin <= 24 * 60 ? durationMin : 0,
          intensity: 3,
          avgHeartRate: null,
          notes: columns.description ? row[columns.description]?.trim() || null : null,
          source: "hevy-csv",
          sourceKey: `hevy:${key}`,
        },
        exercises: new Map(),
        rpe: [],
      };
      builders.set(key, builder);
    }

    const exerciseName = row[columns.exercise!]?.trim();
    if (!exerciseName) throw new ImportError(`Line ${line}: the exercise title is empty.`);
    const distance = number(row, columns.distance, line, "distance");
    const metres =
      distance === null
        ? null
        : columns.distance?.includes("mile")
          ? distance * METRES_PER_MILE
          : columns.distance?.includes("km")
            ? distance * 1000
            : distance;
    const rpe = number(row, columns.rpe, line, "RPE");
    if (rpe !== null && rpe > 0) builder.rpe.push(rpe);

    const sets = builder.exercises.get(exerciseName) ?? [];
    sets.push(
      toSet(exerciseName, options.catalog, {
        reps: number(row, columns.reps, line, "reps"),
        weight: number(row, columns.weight, line, "weight"),
        unit,
        seconds: number(row, columns.duration, line, "duration"),
        metres,
      }),
    );
    builder.exercises.set(exerciseName, sets);
  });
  return finish(builders);
}

/** Reads "1h 5m", "45m", "1:05:00", "65 min" or plain minutes; 0 when absent or unreadable. */
export function parseDuration(text: string | undefined): number {
  const value = (text ?? "").trim().toLowerCase();
  if (!value) return 0;
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock)
    return Number(clock[1]) * 60 + Number(clock[2]) + Math.round(Number(clock[3] ?? 0) / 60);
  const hours = /(\d+)\s*h/.exec(value);
  const minutes = /(\d+)\s*m(?!s)/.exec(value);
  const seconds = /(\d+)\s*s/.exec(value);
  if (hours || minutes || seconds) {
    return (
      Number(hours?.[1] ?? 0) * 60 +
      Number(minutes?.[1] ?? 0) +
      Math.round(Number(seconds?.[1] ?? 0) / 60)
    );
  }
  return /^\d+$/.test(value) ? Number(value) : 0;
}
