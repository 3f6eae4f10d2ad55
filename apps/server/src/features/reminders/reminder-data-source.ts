import type { AccountsService } from "../accounts/accounts.service";
import type { Database } from "../../platform/database";
import { addDays } from "../../platform/local-date";

/** One local day of the weekly summary; null means nothing was logged. */
export interface SummaryDay {
  date: string;
  waterMl: number;
  energyKcal: number | null;
  workouts: number;
  sleepMinutes: number | null;
  isComplete: boolean;
}

export interface WeekSummaryData {
  days: SummaryDay[];
  goals: {
    waterMl: number;
    energyKcal: number | null;
    workoutsPerWeek: number | null;
    sleepMinutes: number | null;
  };
}

/**
 * Access to the logged data that reminders need: enough to skip a reminder that has
 * nothing left to remind of, and the numbers of the weekly summary. Dates are local dates in the
 * user's time zone.
 */
export interface ReminderDataSource {
  waterProgress(userId: string, date: string): Promise<{ totalMl: number; goalMl: number }>;
  isMealLogged(
    userId: string,
    date: string,
    mealType: "breakfast" | "lunch" | "dinner" | "snack",
  ): Promise<boolean>;
  isDayComplete(userId: string, date: string): Promise<boolean>;
  weekSummary(userId: string, firstDate: string, lastDate: string): Promise<WeekSummaryData>;
}

/**
 * Creates a data source that reads only the water goal from the profile and reports nothing
 * logged, so no reminder is skipped and summaries show empty weeks.
 * TODO: replace with one backed by the water, meals, days and goals services once they exist.
 */
export function createProfileOnlyDataSource(deps: {
  db: Database;
  accounts: AccountsService;
}): ReminderDataSource {
  async function waterGoalMl(userId: string): Promise<number> {
    const user = await deps.accounts.findById(deps.db, userId);
    return user?.waterGoalMl ?? 0;
  }

  return {
    async waterProgress(userId) {
      return { totalMl: 0, goalMl: await waterGoalMl(userId) };
    },
    async isMealLogged() {
      return false;
    },
    async isDayComplete() {
      return false;
    },
    async weekSummary(userId, firstDate) {
      const days: SummaryDay[] = [];
      for (let offset = 0; offset < 7; offset += 1) {
        days.push({
          date: addDays(firstDate, offset),
          waterMl: 0,
          energyKcal: null,
          workouts: 0,
          sleepMinutes: null,
          isComplete: false,
        });
      }
      return {
        days,
        goals: {
          waterMl: await waterGoalMl(userId),
          energyKcal: null,
          workoutsPerWeek: null,
          sleepMinutes: null,
        },
      };
    },
  };
}
