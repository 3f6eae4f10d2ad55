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
