import type { DayCard } from "@fitcoach/contract";

import type { Database } from "../../platform/database";
import { addDays } from "../../platform/local-date";
import type { AccountsService } from "../accounts/accounts.service";
import type { DaysService } from "../days/days.service";
import type { GoalsService } from "../goals/goals.service";
import type { ReminderDataSource, SummaryDay } from "./reminder-data-source";

/**
 * Reads what reminders need from the daily card. A day counts as complete when it has at least
 * one meal, some water and a mood entry: the parts the daily "log your day" reminder asks for.
 */
export function createTrackingReminderData(deps: {
  db: Database;
  accounts: AccountsService;
  days: DaysService;
  goals: GoalsService;
}): ReminderDataSource {
  async function cardOf(userId: string, date: string): Promise<DayCard> {
    const account = await deps.accounts.findById(deps.db, userId);
    return deps.days.getCard({ userId, timeZone: account?.timeZone ?? "UTC" }, date);
  }

  return {
    async waterProgress(userId, date) {
      const card = await cardOf(userId, date);
      return { totalMl: card.water.totalMl, goalMl: card.water.goalMl };
    },

    async isMealLogged(userId, date, mealType) {
      const card = await cardOf(userId, date);
      return card.meals.some((meal) => meal.type === mealType);
    },

    async isDayComplete(userId, date) {
      return isComplete(await cardOf(userId, date));
    },

    async weekSummary(userId, firstDate, lastDate) {
      const dates: string[] = [];
      for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) dates.push(date);
      const cards = await Promise.all(dates.map((date) => cardOf(userId, date)));
      const goals = await deps.goals.get(userId);

      const days: SummaryDay[] = cards.map((card) => ({
        date: card.date,
        waterMl: card.water.totalMl,
        energyKcal: card.meals.length > 0 ? card.totals.kcal : null,
        workouts: card.workouts.length,
        sleepMinutes:
          card.sleep.length > 0
            ? card.sleep.reduce((sum, night) => sum + night.durationMin, 0)
            : null,
        isComplete: isComplete(card),
      }));
      return {
        days,
        goals: {
          waterMl: goals.waterMl,
          energyKcal: goals.kcal,
          workoutsPerWeek: goals.weeklyWorkouts,
          sleepMinutes: goals.sleepMin,
        },
      };
    },
  };
}

function isComplete(card: DayCard): boolean {
  return card.meals.length > 0 && card.water.totalMl > 0 && card.mood.length > 0;
}
