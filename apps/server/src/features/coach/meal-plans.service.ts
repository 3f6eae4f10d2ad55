import {
  MEAL_PLAN_TOLERANCE_PERCENT,
  type MealPlan,
  type MealPlanRequest,
} from "@fitcoach/contract";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { addDays } from "../../platform/local-date";
import type { AuthenticatedUser } from "../auth/sessions.service";
import type { FoodCatalogSource, MealLogSink } from "./coach-data";
import type { CoachLimits } from "./coach-limits";
import type { CoachService } from "./coach.service";
import { coachMealPlans } from "./coach.tables";
import { MEAL_PLAN_FOOD_IDS } from "./meal-plan-foods";
import { buildMealPlan, MealPlanInfeasibleError } from "./meal-planner";
import { assertStartDate } from "./start-date";

/** Proposed plans kept per user; older proposals are deleted, accepted plans are kept. */
export const PROPOSED_PLANS_KEPT = 20;

export interface MealPlansService {
  create(user: AuthenticatedUser, request: MealPlanRequest): Promise<MealPlan>;
  list(userId: string): Promise<MealPlan[]>;
  get(userId: string, planId: string): Promise<MealPlan | null>;
  /** Marks a proposed plan accepted and writes its meals into the user's log from `startDate`. */
  accept(
    user: AuthenticatedUser,
    planId: string,
    startDate: string,
  ): Promise<{ plan: MealPlan; days: { date: string; mealsCreated: number }[] }>;
  /**
   * Writes the days of accepted plans that have come within one day of today into the meal log;
   * a periodic job calls it. Returns how many days were written.
   */
  prefillDue(): Promise<number>;
}

type PlanRow = typeof coachMealPlans.$inferSelect;

function toMealPlan(row: PlanRow): MealPlan {
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    startDate: row.startDate,
    tolerancePercent: MEAL_PLAN_TOLERANCE_PERCENT,
    ...row.plan,
  };
}

export function createMealPlansService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  coach: CoachService;
  limits: CoachLimits;
  foods: FoodCatalogSource;
  mealLog: MealLogSink;
}): MealPlansService {
  const { db, clock } = deps;
  const log = deps.logger.child({ component: "coach-meal-plans" });

  async function find(userId: string, planId: string): Promise<PlanRow | null> {
    const rows = await db
      .select()
      .from(coachMealPlans)
      .where(and(eq(coachMealPlans.id, planId), eq(coachMealPlans.userId, userId)));
    return rows[0] ?? null;
  }

  async function pruneProposals(userId: string): Promise<void> {
    const stale = await db
      .select({ id: coachMealPlans.id })
      .from(coachMealPlans)
      .where(and(eq(coachMealPlans.userId, userId), eq(coachMealPlans.status, "proposed")))
      .orderBy(desc(coachMealPlans.createdAt))
      .offset(PROPOSED_PLANS_KEPT);
    if (stale.length === 0) return;
    await db.delete(coachMealPlans).where(
      and(
        eq(coachMealPlans.userId, userId),
        inArray(
          coachMealPlans.id,
          stale.map((row) => row.id),
        ),
      ),
    );
  }

  return {
    async create(user, request) {
      await deps.limits.countRequest(user.userId);
      const targets = await deps.coach.targets(user.userId, {
        weightKg: request.weightKg,
        goal: request.goal,
      });
      const foods = new Map(
        (await deps.foods.byIds(MEAL_PLAN_FOOD_IDS)).map((food) => [food.id, food]),
      );

      let plan: ReturnType<typeof buildMealPlan>;
      try {
        plan = buildMealPlan(
          {
            kcal: targets.kcal,
            protein: targets.protein,
            carbs: targets.carbs,
            fat: targets.fat,
            fiber: targets.fiber,
          },
          foods,
          request.exclude,
        );
      } catch (error) {
        if (!(error instanceof MealPlanInfeasibleError)) throw error;
        throw problem("unprocessable-content", { detail: error.message });
      }

      const [row] = await db
        .insert(coachMealPlans)
        .values({ userId: user.userId, plan, createdAt: clock.now() })
        .returning();
      await pruneProposals(user.userId);
      return toMealPlan(row!);
    },

    async list(userId) {
      const rows = await db
        .select()
        .from(coachMealPlans)
        .where(eq(coachMealPlans.userId, userId))
        .orderBy(desc(coachMealPlans.createdAt))
        .limit(100);
      return rows.map(toMealPlan);
    },

    async get(userId, planId) {
      const row = await find(userId, planId);
      return row ? toMealPlan(row) : null;
    },

    async accept(user, planId, startDate) {
      assertStartDate(startDate, user.timeZone, clock.now());
      const existing = await find(user.userId, planId);
      if (!existing) throw notFound(`Meal plan ${planId}`);

      // Claiming the plan first makes a second accept (a double click, another device) a 409
      // instead of a second copy of every meal.
      const [claimed] = await db
        .update(coachMealPlans)
        .set({ status: "accepted", startDate, acceptedAt: clock.now() })
        .where(
          and(
            eq(coachMealPlans.id, planId),
            eq(coachMealPlans.userId, user.userId),
            eq(coachMealPlans.status, "proposed"),
          ),
        )
        .returning();
      if (!claimed) {
        throw problem("conflict", { detail: `Meal plan ${planId} was already accepted.` });
      }

      const days: { date: string; mealsCreated: number }[] = [];
      try {
        const latest = await deps.mealLog.latestLoggableDate(user.userId);
        let through: string | null = null;
        for (const day of claimed.plan.days) {
          const date = addDays(startDate, day.day - 1);
          // Logged meals may be dated at most one day ahead; later days are written by prefillDue.
          if (date > latest) {
            days.push({ date, mealsCreated: 0 });
            continue;
          }
          days.push({ date, mealsCreated: await writeDay(user.userId, claimed, day.day) });
          through = date;
        }
        await db
          .update(coachMealPlans)
          .set({ prefilledThrough: through ?? addDays(startDate, -1) })
          .where(eq(coachMealPlans.id, planId));
      } catch (error) {
        // NOTE: days written before the failure stay in the log; the meals service does not
        // share this transaction.
        log.error({ err: error, userId: user.userId, planId }, "meal plan pre-fill failed");
        await db
          .update(coachMealPlans)
          .set({ status: "proposed", startDate: null, acceptedAt: null, prefilledThrough: null })
          .where(and(eq(coachMealPlans.id, planId), eq(coachMealPlans.userId, user.userId)));
        throw error;
      }
      return { plan: toMealPlan(claimed), days };
    },

    async prefillDue() {
      const plans = await db
        .select()
        .from(coachMealPlans)
        .where(
          and(eq(coachMealPlans.status, "accepted"), isNotNull(coachMealPlans.prefilledThrough)),
        );
      let written = 0;
      for (const plan of plans) {
        const startDate = plan.startDate!;
        const lastDate = addDays(startDate, plan.plan.days.length - 1);
        if (plan.prefilledThrough! >= lastDate) continue;
        const latest = await deps.mealLog.latestLoggableDate(plan.userId);
        let through = plan.prefilledThrough!;
        while (through < lastDate && through < latest) {
          const next = addDays(through, 1);
          const dayNumber = dayIndex(startDate, next) + 1;
          // Claiming the day before writing it keeps two instances from writing it twice.
          const claimedDay = await db
            .update(coachMealPlans)
            .set({ prefilledThrough: next })
            .where(
              and(eq(coachMealPlans.id, plan.id), eq(coachMealPlans.prefilledThrough, through)),
            )
            .returning({ id: coachMealPlans.id });
          if (claimedDay.length === 0) break;
          await writeDay(plan.userId, plan, dayNumber);
          written += 1;
          through = next;
        }
      }
      return written;
    },
  };

  async function writeDay(userId: string, plan: PlanRow, dayNumber: number): Promise<number> {
    const day = plan.plan.days.find((candidate) => candidate.day === dayNumber);
    if (!day || !plan.startDate) return 0;
    const meals = day.meals.map((meal) => ({
      slot: meal.slot,
      items: meal.items.map((item) => ({ foodId: item.foodId, grams: item.grams })),
    }));
    return deps.mealLog.applyMealPlanDay(userId, addDays(plan.startDate, dayNumber - 1), meals);
  }
}

function dayIndex(startDate: string, date: string): number {
  return Math.round(
    (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000,
  );
}
