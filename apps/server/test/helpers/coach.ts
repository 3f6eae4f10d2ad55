import type { FastifyInstance } from "fastify";

import type {
  CoachDataSource,
  CoachDay,
  CoachGoals,
  MealLogSink,
  PlannedMealEntry,
} from "../../src/features/coach/coach-data";
import {
  createFileExerciseCatalog,
  createFileFoodCatalog,
} from "../../src/features/coach/catalog-files";
import { createCoachFeature, type CoachFeature } from "../../src/features/coach/coach-feature";
import type { AuthenticatedUser } from "../../src/features/auth/sessions.service";
import type { CoachProvider } from "../../src/features/coach/providers/provider";
import type { TestApp } from "./app";
import { bearer, registerAndLogin } from "./auth";

/** Builds a day card with nothing logged except what the test sets. */
export function coachDay(date: string, fields: Partial<CoachDay> = {}): CoachDay {
  return {
    date,
    meals: [],
    nutrition: null,
    waterMl: null,
    workouts: [],
    steps: null,
    sleep: null,
    mood: null,
    weightKg: null,
    note: null,
    ...fields,
  };
}

/**
 * Day cards and goals per user id, standing in for the tracking features. Every call is
 * recorded with the user id it asked for, so tests can check that the coach reads no one else.
 */
export class FixtureCoachData implements CoachDataSource {
  readonly calls: { method: string; userId: string }[] = [];
  readonly days = new Map<string, CoachDay[]>();
  readonly goalsByUser = new Map<string, CoachGoals>();

  async recentDays(userId: string, fromDate: string, toDate: string): Promise<CoachDay[]> {
    this.calls.push({ method: "recentDays", userId });
    return (this.days.get(userId) ?? []).filter(
      (day) => day.date >= fromDate && day.date <= toDate,
    );
  }

  async goals(userId: string): Promise<CoachGoals | null> {
    this.calls.push({ method: "goals", userId });
    return this.goalsByUser.get(userId) ?? null;
  }

  async latestWeight(userId: string, onOrBefore: string) {
    this.calls.push({ method: "latestWeight", userId });
    const weighed = (this.days.get(userId) ?? []).filter(
      (day) => day.weightKg !== null && day.date <= onOrBefore,
    );
    const last = weighed.at(-1);
    return last ? { date: last.date, weightKg: last.weightKg! } : null;
  }
}

/** A meal log that records what accepting a plan would write. */
export class RecordingMealLog implements MealLogSink {
  readonly days: { userId: string; date: string; meals: PlannedMealEntry[] }[] = [];

  /** Latest date the log accepts; by default any date, so a whole plan is written at once. */
  latest = "9999-12-31";

  async latestLoggableDate(): Promise<string> {
    return this.latest;
  }

  async applyMealPlanDay(userId: string, date: string, meals: PlannedMealEntry[]): Promise<number> {
    this.days.push({ userId, date, meals });
    return meals.length;
  }
}

/** Builds the coach's services on a test app's database and config, with fixture sources. */
export function buildCoach(
  subject: TestApp,
  sources: { data: CoachDataSource; mealLog?: MealLogSink; provider?: CoachProvider },
): CoachFeature {
  return createCoachFeature({
    db: subject.deps.database.db,
    clock: subject.clock,
    config: subject.deps.config,
    logger: subject.deps.logger,
    counters: subject.deps.counters,
    accounts: subject.app.services.accounts,
    audit: subject.app.services.audit,
    sources: {
      data: sources.data,
      foods: createFileFoodCatalog(),
      exercises: createFileExerciseCatalog(),
      mealLog: sources.mealLog ?? new RecordingMealLog(),
    },
    provider: sources.provider,
  });
}

export interface CoachTestUser {
  user: AuthenticatedUser;
  accessToken: string;
}

export const TEST_PROFILE = {
  birthDate: "1990-01-01",
  sex: "male",
  heightCm: 180,
  activityLevel: "moderate",
} as const;

/** Registers a user (verified by default), optionally fills the profile, and logs in. */
export async function coachUser(
  subject: TestApp,
  options: { verify?: boolean; profile?: boolean } = {},
): Promise<CoachTestUser> {
  const app: FastifyInstance = subject.app;
  const registered = await registerAndLogin(app, subject.logs, () => subject.deps.jobs.runOnce(), {
    verify: options.verify,
  });
  const headers = bearer(registered.accessToken);
  if (options.profile !== false) {
    const patched = await app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers,
      payload: TEST_PROFILE,
    });
    if (patched.statusCode !== 200) throw new Error(`profile update failed: ${patched.body}`);
  }
  const me = (await app.inject({ method: "GET", url: "/api/v1/me", headers })).json() as {
    id: string;
    emailVerified: boolean;
    timeZone: string;
  };
  return {
    accessToken: registered.accessToken,
    user: {
      userId: me.id,
      sessionId: "test-session",
      role: "user",
      emailVerified: me.emailVerified,
      timeZone: me.timeZone,
      authenticatedAt: subject.clock.now(),
    },
  };
}

/** Runs a chat to its end and returns every event. */
export async function chatEvents(
  coach: CoachFeature,
  user: AuthenticatedUser,
  request: { message: string; conversationId?: string },
) {
  const events = await coach.chat.chat(user, request, new AbortController().signal);
  const collected = [];
  for await (const event of events) collected.push(event);
  return collected;
}

/** Splits a text/event-stream body into its events. */
export function parseEventStream(body: string): { event: string; data: unknown }[] {
  return body
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? "null";
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** Builds a multipart/form-data body with one file field. */
export function multipartBody(
  field: string,
  file: Buffer,
  contentType: string,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----fitcoach-test-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="meal.jpg"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
