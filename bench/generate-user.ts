// Creates one user with years of realistic daily data, straight into the database, for the
// benchmarks. Deterministic: the same seed gives the same rows.
import { DateTime } from "luxon";

import { users } from "../apps/server/src/features/accounts/accounts.tables";
import { PasswordHasher } from "../apps/server/src/features/auth/password-hasher";
import { bodyEntries } from "../apps/server/src/features/body/body.tables";
import { dayNotes } from "../apps/server/src/features/days/days.tables";
import { goals } from "../apps/server/src/features/goals/goals.tables";
import { moodEntries } from "../apps/server/src/features/mood/mood.tables";
import { sleepEntries } from "../apps/server/src/features/sleep/sleep.tables";
import { stepEntries } from "../apps/server/src/features/steps/steps.tables";
import { waterEntries } from "../apps/server/src/features/water/water.tables";
import { workouts, workoutSets } from "../apps/server/src/features/workouts/workouts.tables";
import type { Config } from "../apps/server/src/platform/config";
import type { Database } from "../apps/server/src/platform/database";

export interface GeneratedUser {
  userId: string;
  email: string;
  password: string;
  firstDate: string;
  lastDate: string;
  rows: number;
}

const TIME_ZONE = "Europe/Berlin";
const LIFTS = [
  "Barbell_Squat",
  "Barbell_Bench_Press_-_Medium_Grip",
  "Barbell_Deadlift",
  "Standing_Military_Press",
  "Bent_Over_Barbell_Row",
  "Pullups",
  "Dumbbell_Bench_Press",
  "Barbell_Curl",
];

/** Small seeded generator (mulberry32), so runs are repeatable without a dependency. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function insertAll(
  db: Database,
  table: Parameters<Database["insert"]>[0],
  rows: object[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db.insert(table).values(rows.slice(start, start + 1_000) as never);
  }
}

export async function generateUser(
  db: Database,
  config: Config,
  options: { email: string; password: string; years: number; lastDate: string; seed?: number },
): Promise<GeneratedUser> {
  const next = random(options.seed ?? 42);
  const hasher = new PasswordHasher(
    config.bcryptCost,
    config.passwordPepper,
    config.previousPasswordPeppers,
  );
  const hashed = await hasher.hash(options.password);
  const last = DateTime.fromISO(options.lastDate, { zone: "UTC" });
  const first = last.minus({ years: options.years }).plus({ days: 1 });
  const inserted = await db
    .insert(users)
    .values({
      email: options.email,
      emailVerifiedAt: new Date(),
      passwordHash: hashed.hash,
      passwordPepperId: hashed.pepperId,
      timeZone: TIME_ZONE,
      birthDate: "1988-04-12",
      sex: "female",
      heightCm: 168,
      activityLevel: "moderate",
    })
    .returning({ id: users.id });
  const userId = inserted[0]!.id;
  await db
    .insert(goals)
    .values({ userId, kcal: 2100, steps: 9000, sleepMin: 450, weeklyWorkouts: 3 });

  const water: object[] = [];
  const sleep: object[] = [];
  const mood: object[] = [];
  const body: object[] = [];
  const steps: object[] = [];
  const notes: object[] = [];
  const sessions: { workout: object; sets: object[] }[] = [];
  let weightKg = 72;

  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const glasses = 4 + Math.floor(next() * 6);
    for (let glass = 0; glass < glasses; glass += 1) {
      water.push({ userId, date, ml: [200, 250, 330, 500][Math.floor(next() * 4)] });
    }

    const bedtime = DateTime.fromISO(`${day.minus({ days: 1 }).toISODate()}T22:30`, {
      zone: TIME_ZONE,
    }).plus({
      minutes: Math.floor(next() * 120),
    });
    const wake = DateTime.fromISO(`${date}T06:15`, { zone: TIME_ZONE }).plus({
      minutes: Math.floor(next() * 120),
    });
    sleep.push({
      userId,
      date,
      bedtimeLocal: bedtime.toFormat("yyyy-MM-dd'T'HH:mm"),
      wakeLocal: wake.toFormat("yyyy-MM-dd'T'HH:mm"),
      timeZone: TIME_ZONE,
      bedtimeAt: bedtime.toJSDate(),
      wakeAt: wake.toJSDate(),
      durationMin: Math.round(wake.diff(bedtime, "minutes").minutes),
      quality: 2 + Math.floor(next() * 4),
    });
    mood.push({
      userId,
      date,
      score: 2 + Math.floor(next() * 4),
      energy: 1 + Math.floor(next() * 5),
      tags: [],
      note: "",
    });
    steps.push({ userId, date, count: 3000 + Math.floor(next() * 12_000) });
    if (next() < 0.8) {
      weightKg = Math.min(90, Math.max(60, weightKg + (next() - 0.52) * 0.4));
      const value = Math.round(weightKg * 10) / 10;
      body.push({ userId, date, weightValue: value, weightUnit: "kg", weightKg: value });
    }
    if (next() < 0.15)
      notes.push({ userId, date, tags: ["travel"], note: "Long *day* on the road." });

    if (next() < 3.5 / 7) {
      const lifts = [...LIFTS].sort(() => next() - 0.5).slice(0, 4 + Math.floor(next() * 3));
      const sets = lifts.flatMap((exerciseId, exercisePosition) =>
        Array.from({ length: 3 + Math.floor(next() * 3) }, (_, setPosition) => {
          const load = Math.round((40 + next() * 80) / 2.5) * 2.5;
          return {
            userId,
            exerciseId,
            exerciseName: exerciseId.replace(/_/g, " "),
            exercisePosition,
            setPosition,
            reps: 3 + Math.floor(next() * 10),
            weightValue: load,
            weightUnit: "kg",
            weightKg: load,
          };
        }),
      );
      sessions.push({
        workout: {
          userId,
          date,
          startedAt: DateTime.fromISO(`${date}T18:00`, { zone: TIME_ZONE }).toJSDate(),
          durationMin: 40 + Math.floor(next() * 50),
          intensity: 2 + Math.floor(next() * 4),
        },
        sets,
      });
    }
  }

  await insertAll(db, waterEntries, water);
  await insertAll(db, sleepEntries, sleep);
  await insertAll(db, moodEntries, mood);
  await insertAll(db, bodyEntries, body);
  await insertAll(db, stepEntries, steps);
  await insertAll(db, dayNotes, notes);
  let setCount = 0;
  for (let start = 0; start < sessions.length; start += 500) {
    const batch = sessions.slice(start, start + 500);
    const ids = await db
      .insert(workouts)
      .values(batch.map((item) => item.workout) as never)
      .returning({ id: workouts.id });
    const sets = batch.flatMap((item, index) =>
      item.sets.map((set) => ({ ...set, workoutId: ids[index]!.id })),
    );
    setCount += sets.length;
    await insertAll(db, workoutSets, sets);
  }

  return {
    userId,
    email: options.email,
    password: options.password,
    firstDate: first.toISODate()!,
    lastDate: options.lastDate,
    rows:
      water.length +
      sleep.length +
      mood.length +
      body.length +
      steps.length +
      notes.length +
      sessions.length +
      setCount,
  };
}
