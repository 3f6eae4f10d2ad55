import type { LoggedSet, Program, ProgramLog, ProgramRequest } from "@fitcoach/contract";
import { and, desc, eq, inArray, ne } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { addDays, assertLoggableDate, todayIn } from "../../platform/local-date";
import type { AuthenticatedUser } from "../auth/sessions.service";
import type { CoachDataSource, ExerciseCatalogSource } from "./coach-data";
import type { CoachLimits } from "./coach-limits";
import { coachPrograms, coachProgramSets } from "./coach.tables";
import { buildProgram, ProgramInfeasibleError } from "./program-builder";
import { assertStartDate } from "./start-date";
import { bestOneRepMaxes } from "./strength";

/** Days of logged lifts the starting loads are estimated from. */
export const ONE_REP_MAX_LOOKBACK_DAYS = 56;
/** Proposed programs kept per user; older proposals are deleted, followed ones are kept. */
export const PROPOSED_PROGRAMS_KEPT = 20;

export interface ProgramsService {
  create(user: AuthenticatedUser, request: ProgramRequest): Promise<Program>;
  list(userId: string): Promise<Program[]>;
  get(userId: string, programId: string): Promise<Program | null>;
  /** Makes a program the one the user follows from `startDate`; the previous one stops. */
  follow(user: AuthenticatedUser, programId: string, startDate: string): Promise<Program>;
  stop(userId: string, programId: string): Promise<Program>;
  /** Records the sets of one session of the followed program, replacing any logged before. */
  log(user: AuthenticatedUser, programId: string, entry: ProgramLog): Promise<Program>;
}

type ProgramRow = typeof coachPrograms.$inferSelect;
type SetRow = typeof coachProgramSets.$inferSelect;

function toProgram(row: ProgramRow, sets: readonly SetRow[]): Program {
  const logged = new Map<string, LoggedSet[]>();
  const loggedSessions = new Set<string>();
  for (const set of [...sets].sort((left, right) => left.setNumber - right.setNumber)) {
    const key = `${set.week}:${set.session}:${set.exerciseId}`;
    logged.set(key, [
      ...(logged.get(key) ?? []),
      { reps: set.reps, weightKg: set.weightKg, durationSeconds: set.durationSeconds },
    ]);
    loggedSessions.add(`${set.week}:${set.session}`);
  }
  return {
    id: row.id,
    status: row.status,
    name: row.name,
    goal: row.goal,
    level: row.level,
    daysPerWeek: row.daysPerWeek,
    equipment: row.equipment,
    createdAt: row.createdAt.toISOString(),
    startDate: row.startDate,
    rule: row.rule,
    weeks: row.schedule.map((week) => ({
      ...week,
      sessions: week.sessions.map((session) => ({
        ...session,
        exercises: session.exercises.map((exercise) => ({
          ...exercise,
          logged: logged.get(`${week.week}:${session.session}:${exercise.exerciseId}`) ?? [],
        })),
      })),
    })),
    progress: {
      loggedSessions: loggedSessions.size,
      totalSessions: row.schedule.reduce((total, week) => total + week.sessions.length, 0),
    },
  };
}

export function createProgramsService(deps: {
  db: Database;
  clock: Clock;
  limits: CoachLimits;
  data: CoachDataSource;
  exercises: ExerciseCatalogSource;
}): ProgramsService {
  const { db, clock } = deps;

  async function find(userId: string, programId: string): Promise<ProgramRow | null> {
    const rows = await db
      .select()
      .from(coachPrograms)
      .where(and(eq(coachPrograms.id, programId), eq(coachPrograms.userId, userId)));
    return rows[0] ?? null;
  }

  async function withSets(row: ProgramRow): Promise<Program> {
    const sets = await db
      .select()
      .from(coachProgramSets)
      .where(and(eq(coachProgramSets.programId, row.id), eq(coachProgramSets.userId, row.userId)));
    return toProgram(row, sets);
  }

  async function pruneProposals(userId: string): Promise<void> {
    const stale = await db
      .select({ id: coachPrograms.id })
      .from(coachPrograms)
      .where(and(eq(coachPrograms.userId, userId), eq(coachPrograms.status, "proposed")))
      .orderBy(desc(coachPrograms.createdAt))
      .offset(PROPOSED_PROGRAMS_KEPT);
    if (stale.length === 0) return;
    await db.delete(coachPrograms).where(
      and(
        eq(coachPrograms.userId, userId),
        inArray(
          coachPrograms.id,
          stale.map((row) => row.id),
        ),
      ),
    );
  }

  return {
    async create(user, request) {
      await deps.limits.countRequest(user.userId);
      const today = todayIn(user.timeZone, clock.now());
      const [catalog, days] = await Promise.all([
        deps.exercises.list({ equipment: request.equipment }),
        deps.data.recentDays(user.userId, addDays(today, -(ONE_REP_MAX_LOOKBACK_DAYS - 1)), today),
      ]);

      let built: ReturnType<typeof buildProgram>;
      try {
        built = buildProgram(request, catalog, bestOneRepMaxes(days));
      } catch (error) {
        if (!(error instanceof ProgramInfeasibleError)) throw error;
        throw problem("unprocessable-content", { detail: error.message });
      }

      const [row] = await db
        .insert(coachPrograms)
        .values({
          userId: user.userId,
          name: built.name,
          goal: request.goal,
          level: request.level,
          daysPerWeek: request.daysPerWeek,
          equipment: request.equipment,
          rule: built.rule,
          schedule: built.schedule,
          createdAt: clock.now(),
        })
        .returning();
      await pruneProposals(user.userId);
      return toProgram(row!, []);
    },

    async list(userId) {
      const rows = await db
        .select()
        .from(coachPrograms)
        .where(eq(coachPrograms.userId, userId))
        .orderBy(desc(coachPrograms.createdAt))
        .limit(100);
      return Promise.all(rows.map(withSets));
    },

    async get(userId, programId) {
      const row = await find(userId, programId);
      return row ? withSets(row) : null;
    },

    async follow(user, programId, startDate) {
      assertStartDate(startDate, user.timeZone, clock.now());
      const row = await db.transaction(async (tx) => {
        await tx
          .update(coachPrograms)
          .set({ status: "stopped" })
          .where(
            and(
              eq(coachPrograms.userId, user.userId),
              eq(coachPrograms.status, "active"),
              ne(coachPrograms.id, programId),
            ),
          );
        const [updated] = await tx
          .update(coachPrograms)
          .set({ status: "active", startDate })
          .where(and(eq(coachPrograms.id, programId), eq(coachPrograms.userId, user.userId)))
          .returning();
        if (!updated) throw notFound(`Program ${programId}`);
        return updated;
      });
      return withSets(row);
    },

    async stop(userId, programId) {
      const [row] = await db
        .update(coachPrograms)
        .set({ status: "stopped" })
        .where(and(eq(coachPrograms.id, programId), eq(coachPrograms.userId, userId)))
        .returning();
      if (!row) throw notFound(`Program ${programId}`);
      return withSets(row);
    },

    async log(user, programId, entry) {
      assertLoggableDate(entry.date, user.timeZone, clock.now());
      const row = await find(user.userId, programId);
      if (!row) throw notFound(`Program ${programId}`);
      if (row.status !== "active") {
        throw problem("conflict", {
          detail: `Program ${programId} is not the one you follow; follow it before logging sets.`,
        });
      }
      const session = row.schedule
        .find((week) => week.week === entry.week)
        ?.sessions.find((item) => item.session === entry.session);
      if (!session) {
        throw problem("validation-failed", {
          detail: `The program has no session ${entry.session} in week ${entry.week}.`,
          errors: [{ field: "session", message: "is not a session of this program" }],
        });
      }
      const prescribed = new Set(session.exercises.map((exercise) => exercise.exerciseId));
      const unknown = entry.exercises.findIndex((exercise) => !prescribed.has(exercise.exerciseId));
      if (unknown >= 0) {
        throw problem("validation-failed", {
          detail: `${entry.exercises[unknown]!.exerciseId} is not part of this session.`,
          errors: [
            { field: `exercises.${unknown}.exerciseId`, message: "is not part of this session" },
          ],
        });
      }

      const ids = entry.exercises.map((exercise) => exercise.exerciseId);
      const repeated = ids.findIndex((id, index) => ids.indexOf(id) !== index);
      if (repeated >= 0) {
        throw problem("validation-failed", {
          detail: `${ids[repeated]} is listed twice; put all its sets in one entry.`,
          errors: [{ field: `exercises.${repeated}.exerciseId`, message: "is listed twice" }],
        });
      }

      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .delete(coachProgramSets)
          .where(
            and(
              eq(coachProgramSets.programId, programId),
              eq(coachProgramSets.userId, user.userId),
              eq(coachProgramSets.week, entry.week),
              eq(coachProgramSets.session, entry.session),
            ),
          );
        await tx.insert(coachProgramSets).values(
          entry.exercises.flatMap((exercise) =>
            exercise.sets.map((set, index) => ({
              programId,
              userId: user.userId,
              week: entry.week,
              session: entry.session,
              exerciseId: exercise.exerciseId,
              setNumber: index + 1,
              date: entry.date,
              reps: set.reps,
              weightKg: set.weightKg,
              durationSeconds: set.durationSeconds,
              createdAt: now,
            })),
          ),
        );
      });
      return withSets(row);
    },
  };
}
